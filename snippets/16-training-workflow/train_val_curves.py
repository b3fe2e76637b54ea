import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

# zh: 数据：划分后用训练集的统计量标准化特征和目标；测试集留到最后，这里不碰
# en: data: split, then standardise features and target with training statistics; the test set stays untouched
X, y = load_diabetes(return_X_y=True, scaled=False)
X, y = torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32).reshape(-1, 1)
X_rest, _, y_rest, _ = train_test_split(X, y, test_size=0.2, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, random_state=0)
x_mean, x_std, y_mean, y_std = X_train.mean(0), X_train.std(0), y_train.mean(), y_train.std()
X_train, X_val = (X_train - x_mean) / x_std, (X_val - x_mean) / x_std
y_train, y_val = (y_train - y_mean) / y_std, (y_val - y_mean) / y_std
train_loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                          generator=torch.Generator().manual_seed(0))


def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total = 0.0
    for xb, yb in loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    return total / len(loader.dataset)


def evaluate(model, X, y, loss_fn):
    model.eval()
    with torch.no_grad():
        return loss_fn(model(X), y).item()


model = nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
train_losses, val_losses = [], []
for epoch in range(150):
    train_losses.append(train_one_epoch(model, train_loader, loss_fn, optimizer))
    val_losses.append(evaluate(model, X_val, y_val, loss_fn))
best = val_losses.index(min(val_losses))
print(f"lowest val loss {val_losses[best]:.3f} at epoch {best}")
print(f"after epoch 149: train {train_losses[-1]:.3f}, val {val_losses[-1]:.3f}")

plt.figure(figsize=(6, 4))
plt.plot(train_losses, label="train")
plt.plot(val_losses, label="validation")
plt.axvline(best, color="gray", linestyle="--", label=f"lowest val (epoch {best})")
plt.gca().set(title="Training and validation loss", xlabel="epoch", ylabel="MSE (standardised target)")
plt.legend()
plt.show()
