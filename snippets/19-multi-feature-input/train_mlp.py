import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: 1. 数据：分层划分 60% / 20% / 20%，用训练集的统计量标准化
# en: 1. data: stratified 60% / 20% / 20% split, standardised with training statistics
X, y = load_breast_cancer(return_X_y=True)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
X_train, X_val, X_test = (torch.tensor(part, dtype=torch.float32) for part in (X_train, X_val, X_test))
y_train, y_val, y_test = (torch.tensor(part, dtype=torch.float32).reshape(-1, 1) for part in (y_train, y_val, y_test))
mean, std = X_train.mean(dim=0), X_train.std(dim=0)
X_train, X_val, X_test = (X_train - mean) / std, (X_val - mean) / std, (X_test - mean) / std
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                    generator=torch.Generator().manual_seed(0))

# zh: 2. 模型：30 -> 16 -> 8 -> 1，输出 logit
# en: 2. model: 30 -> 16 -> 8 -> 1, outputs a logit
model = nn.Sequential(nn.Linear(30, 16), nn.ReLU(), nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 1)).to(device)
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def accuracy(X, y):
    model.eval()
    with torch.no_grad():
        return ((model(X.to(device)) > 0).float().cpu() == y).float().mean().item()


# zh: 3. 小批量训练；每轮记录平均训练损失和验证准确率
# en: 3. mini-batch training; record mean train loss and validation accuracy each epoch
train_losses, val_accs = [], []
for epoch in range(50):
    model.train()
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    train_losses.append(total / len(X_train))
    val_accs.append(accuracy(X_val, y_val))
    if epoch % 10 == 0:
        print(f"epoch {epoch:2d}: train loss {train_losses[-1]:.4f}, val accuracy {val_accs[-1]:.3f}")

# zh: 4. 训练结束，测试集只在最后用一次
# en: 4. training is over: the test set is used once, at the end
test_acc = accuracy(X_test, y_test)
print(f"train accuracy: {accuracy(X_train, y_train):.3f}, val accuracy: {val_accs[-1]:.3f}")
print(f"test accuracy:  {test_acc:.3f}  ({round(test_acc * len(y_test))}/{len(y_test)} correct)")
assert test_acc > 0.9

fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 4))
ax_loss.plot(train_losses, color="tab:red")
ax_loss.set(title="Training loss", xlabel="epoch", ylabel="BCE")
ax_acc.plot(val_accs, color="tab:blue")
ax_acc.set(title="Validation accuracy", xlabel="epoch", ylabel="accuracy", ylim=(0.3, 1.02))
plt.show()
