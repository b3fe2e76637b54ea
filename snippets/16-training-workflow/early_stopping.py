import copy

import torch
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

# zh: 数据、模型和每一轮的训练步骤都与上一段代码相同，这次还要用到测试集
# en: the same data, model and epoch loop as in the previous snippet, this time with the test set
X, y = load_diabetes(return_X_y=True, scaled=False)
X, y = torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32).reshape(-1, 1)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, random_state=0)
x_mean, x_std, y_mean, y_std = X_train.mean(0), X_train.std(0), y_train.mean(), y_train.std()
X_train, X_val, X_test = ((a - x_mean) / x_std for a in (X_train, X_val, X_test))
y_train, y_val, y_test = ((a - y_mean) / y_std for a in (y_train, y_val, y_test))
train_loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                          generator=torch.Generator().manual_seed(0))
model = nn.Sequential(nn.Linear(10, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
loss_fn = nn.MSELoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

# zh: 早停：验证损失连续 patience 轮没有创新低就停止；最好的参数要深拷贝
# en: early stopping: stop after patience epochs without a new lowest val loss; deep-copy the best weights
patience, best_val, best_epoch = 10, float("inf"), -1
for epoch in range(500):
    model.train()
    for xb, yb in train_loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        val_loss = loss_fn(model(X_val), y_val).item()
    if val_loss < best_val:
        best_val, best_epoch, best_state = val_loss, epoch, copy.deepcopy(model.state_dict())
    elif epoch - best_epoch >= patience:
        break
print(f"stopped after epoch {epoch}, best epoch {best_epoch}, best val loss {best_val:.3f}")

model.load_state_dict(best_state)
with torch.no_grad():
    print("restored val loss == best:", loss_fn(model(X_val), y_val).item() == best_val)
    # zh: 测试集只在最后用一次；均方根误差（RMSE）换算回原始单位
    # en: the test set is used once, at the very end; the RMSE goes back to original units
    test_rmse = loss_fn(model(X_test), y_test).sqrt().item() * y_std.item()
# zh: 最简单的基准：永远预测训练集的均值（标准化后就是 0）
# en: the simplest baseline: always predict the training mean (0 after standardising)
baseline_rmse = y_test.pow(2).mean().sqrt().item() * y_std.item()
print(f"test RMSE: {test_rmse:.1f}, baseline RMSE: {baseline_rmse:.1f}, model wins: {test_rmse < baseline_rmse}")
