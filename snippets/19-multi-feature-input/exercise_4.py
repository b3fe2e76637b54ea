import torch
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# zh: 与正文相同，只是训练 150 轮
# en: the same as in the chapter, but 150 epochs
torch.manual_seed(0)
X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
X_train, X_test = torch.tensor(X_train, dtype=torch.float32), torch.tensor(X_test, dtype=torch.float32)
y_train = torch.tensor(y_train, dtype=torch.float32).reshape(-1, 1)
y_test = torch.tensor(y_test, dtype=torch.float32).reshape(-1, 1)
mean, std = X_train.mean(dim=0), X_train.std(dim=0)
X_train, X_test = (X_train - mean) / std, (X_test - mean) / std
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                    generator=torch.Generator().manual_seed(0))
model = nn.Sequential(nn.Linear(30, 16), nn.ReLU(), nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 1))
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(150):
    for xb, yb in loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    if (epoch + 1) % 30 == 0:
        with torch.no_grad():
            train_loss = loss_fn(model(X_train), y_train).item()
            train_acc = ((model(X_train) > 0).float() == y_train).float().mean().item()
            test_acc = ((model(X_test) > 0).float() == y_test).float().mean().item()
        print(f"after {epoch + 1:3d} epochs: train loss {train_loss:.4f}, "
              f"train accuracy {train_acc:.3f}, test accuracy {test_acc:.3f}")
assert train_acc > 0.99
