import torch
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

X, y = load_breast_cancer(return_X_y=True)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
X_train, X_val = torch.tensor(X_train, dtype=torch.float32), torch.tensor(X_val, dtype=torch.float32)
y_train = torch.tensor(y_train, dtype=torch.float32).reshape(-1, 1)
y_val = torch.tensor(y_val, dtype=torch.float32).reshape(-1, 1)
mean, std = X_train.mean(dim=0), X_train.std(dim=0)
X_train, X_val = (X_train - mean) / std, (X_val - mean) / std

for activation in (nn.ReLU, nn.Sigmoid):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(30, 16), activation(), nn.Linear(16, 8), activation(), nn.Linear(8, 1))
    # zh: 训练前：不同样本的 logit 相差多少（标准差）
    # en: before training: how much the logits differ between samples (standard deviation)
    with torch.no_grad():
        spread = model(X_train).std().item()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    losses = []
    for epoch in range(50):
        total = 0.0
        for xb, yb in loader:
            loss = nn.functional.binary_cross_entropy_with_logits(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(xb)
        losses.append(total / len(X_train))
    with torch.no_grad():
        val_acc = ((model(X_val) > 0).float() == y_val).float().mean().item()
    first = next(epoch for epoch, loss in enumerate(losses) if loss < 0.3)
    print(f"{activation.__name__:7}: logit spread at start {spread:.4f}, train loss below 0.3 "
          f"from epoch {first}, final train loss {losses[-1]:.3f}, val accuracy {val_acc:.3f}")
