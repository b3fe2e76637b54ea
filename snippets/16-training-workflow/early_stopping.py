import copy

import torch
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: 数据准备与上一段代码相同，另外加上测试集
# en: the same data preparation as before, plus the test set
X, y = load_diabetes(return_X_y=True, scaled=False)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, random_state=0)
X_train, X_val, X_test = (torch.tensor(a, dtype=torch.float32) for a in (X_train, X_val, X_test))
y_train, y_val, y_test = (torch.tensor(a, dtype=torch.float32).reshape(-1, 1) for a in (y_train, y_val, y_test))
x_mean, x_std, y_mean, y_std = X_train.mean(0), X_train.std(0), y_train.mean(), y_train.std()
train_set = TensorDataset((X_train - x_mean) / x_std, (y_train - y_mean) / y_std)
val_set = TensorDataset((X_val - x_mean) / x_std, (y_val - y_mean) / y_std)
test_set = TensorDataset((X_test - x_mean) / x_std, (y_test - y_mean) / y_std)
train_loader = DataLoader(train_set, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0))
val_loader = DataLoader(val_set, batch_size=256)
test_loader = DataLoader(test_set, batch_size=256)


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

# zh: 早停：验证损失连续 patience 轮没有创新低就停止，并保留最好的参数
# en: early stopping: stop after patience epochs without a new best val loss, keep the best weights
patience, best_val, best_epoch, best_state = 10, float("inf"), -1, None
for epoch in range(500):
    train_one_epoch(model, train_loader, loss_fn, optimizer)
    val_loss = evaluate(model, val_loader, loss_fn)
    if val_loss < best_val:
        best_val, best_epoch = val_loss, epoch
        best_state = copy.deepcopy(model.state_dict())
    elif epoch - best_epoch >= patience:
        break
print(f"stopped after epoch {epoch}, best epoch {best_epoch}, best val loss {best_val:.3f}")

model.load_state_dict(best_state)
print(f"val loss after restoring: {evaluate(model, val_loader, loss_fn):.3f}")

# zh: 测试集只在最后用一次
# en: touch the test set once, at the very end
test_loss = evaluate(model, test_loader, loss_fn)
print(f"test loss (standardised): {test_loss:.3f}")
print(f"test RMSE (original units): {test_loss ** 0.5 * y_std.item():.1f}")
baseline = ((y_test - y_mean) ** 2).mean().sqrt().item()
print(f"baseline RMSE (always predict the train mean): {baseline:.1f}")
