import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: 1. 数据：像素值 0 到 16，除以 16 缩放到 [0, 1]；标签是 int64 的类别索引
# en: 1. data: pixels 0 to 16, divided by 16 to [0, 1]; labels are int64 class indices
digits = load_digits()
X = torch.tensor(digits.images, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
# zh: 分层划分 60% / 20% / 20%：训练集更新参数，验证集用来做决定，测试集留到最后只用一次
# en: stratified 60% / 20% / 20% split: train to fit, validation to decide, test kept for one final check
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
print(f"train {len(y_train)}, val {len(y_val)}, test {len(y_test)} images")
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=64, shuffle=True,
                    generator=torch.Generator().manual_seed(0))

# zh: 2. 模型输出 10 个 logits；CrossEntropyLoss 在内部做 log_softmax
# en: 2. the model outputs 10 logits; CrossEntropyLoss applies log_softmax inside
model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                      nn.Linear(64, 10)).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def accuracy(X, y):
    model.eval()
    with torch.no_grad():
        return (model(X.to(device)).argmax(dim=1).cpu() == y).float().mean().item()


# zh: 3. 训练 30 轮，记录每轮的平均训练损失和验证准确率
# en: 3. train for 30 epochs, recording mean train loss and validation accuracy per epoch
train_losses, val_accs = [], []
for epoch in range(30):
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
    if epoch % 5 == 0:
        print(f"epoch {epoch:2d}: train loss {train_losses[-1]:.4f}, val accuracy {val_accs[-1]:.3f}")
print(f"val accuracy, epochs 15-29: {min(val_accs[15:]):.3f} to {max(val_accs[15:]):.3f}")

# zh: 4. 所有决定都做完了，最后在测试集上评估一次
# en: 4. every decision is made: evaluate on the test set once
test_acc = accuracy(X_test, y_test)
print(f"train accuracy: {accuracy(X_train, y_train):.3f}, val accuracy: {val_accs[-1]:.3f}")
print(f"test accuracy:  {test_acc:.3f}  ({round(test_acc * len(y_test))}/{len(y_test)} correct)")
assert test_acc > 0.9

fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 4))
ax_loss.plot(train_losses, color="tab:red")
ax_loss.set(title="Training loss", xlabel="epoch", ylabel="cross-entropy")
ax_acc.plot(val_accs, color="tab:blue")
ax_acc.set(title="Validation accuracy", xlabel="epoch", ylabel="accuracy", ylim=(0, 1))
plt.show()
