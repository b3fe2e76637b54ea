import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: 数据：划分，再用训练集的统计量标准化特征和目标
# en: data: split, then standardise features and target with training statistics
X, y = load_diabetes(return_X_y=True, scaled=False)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, random_state=0)
X_train, X_val = (torch.tensor(a, dtype=torch.float32) for a in (X_train, X_val))
y_train, y_val = (torch.tensor(a, dtype=torch.float32).reshape(-1, 1) for a in (y_train, y_val))
x_mean, x_std, y_mean, y_std = X_train.mean(0), X_train.std(0), y_train.mean(), y_train.std()
train_set = TensorDataset((X_train - x_mean) / x_std, (y_train - y_mean) / y_std)
val_set = TensorDataset((X_val - x_mean) / x_std, (y_val - y_mean) / y_std)
train_loader = DataLoader(train_set, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0))
val_loader = DataLoader(val_set, batch_size=256)


def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    return total / len(loader.dataset)


def evaluate(model, loader, loss_fn):
    model.eval()
    total = 0.0
    with torch.no_grad():
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            total += loss_fn(model(xb), yb).item() * len(xb)
    return total / len(loader.dataset)


model = nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1)).to(device)
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

train_losses, val_losses = [], []
for epoch in range(150):
    train_losses.append(train_one_epoch(model, train_loader, loss_fn, optimizer))
    val_losses.append(evaluate(model, val_loader, loss_fn))
best = val_losses.index(min(val_losses))
print(f"lowest val loss {val_losses[best]:.3f} at epoch {best}")
print(f"after epoch 149: train {train_losses[-1]:.3f}, val {val_losses[-1]:.3f}")

plt.figure(figsize=(6, 4))
plt.plot(train_losses, label="train")
plt.plot(val_losses, label="validation")
plt.axvline(best, color="gray", linestyle="--", label=f"lowest val (epoch {best})")
plt.title("Training and validation loss")
plt.xlabel("epoch")
plt.ylabel("MSE (standardised target)")
plt.legend()
plt.show()
