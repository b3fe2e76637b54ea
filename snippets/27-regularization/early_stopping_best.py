# snippet: output=device
import copy

import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: 数据、划分和模型与第一段代码相同
# en: the same data, split and model as in the first snippet
digits = load_digits()
X = torch.tensor(digits.images, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
X_train, X_val, y_train, y_val = train_test_split(X, y, train_size=200, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = X_train.to(device), X_val.to(device), y_train.to(device), y_val.to(device)
model = nn.Sequential(nn.Flatten(), nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(),
                      nn.Linear(256, 10)).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

patience, best_loss, best_epoch = 20, float("inf"), 0
for epoch in range(1, 151):
    model.train()
    for idx in torch.randperm(len(X_train)).split(32):
        loss = nn.functional.cross_entropy(model(X_train[idx]), y_train[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        val_loss = nn.functional.cross_entropy(model(X_val), y_val).item()
    if val_loss < best_loss:
        # zh: state_dict() 里的张量和模型共享内存，必须深拷贝，否则“最佳”会跟着后面的训练一起变
        # en: state_dict() shares memory with the model: deep-copy it, or the "best" changes as training goes on
        best_loss, best_epoch, best_state = val_loss, epoch, copy.deepcopy(model.state_dict())
    elif epoch - best_epoch >= patience:
        break
print(f"stopped at epoch {epoch}; best epoch {best_epoch}; val loss now {val_loss:.3f}, best {best_loss:.3f}")
print("stopped before the last of 150 epochs:", epoch < 150)

model.load_state_dict(best_state)
with torch.no_grad():
    restored = nn.functional.cross_entropy(model(X_val), y_val).item()
    val_acc = (model(X_val).argmax(1) == y_val).float().mean().item()
print(f"restored val loss {restored:.3f}, val acc {val_acc:.3f}")
print("restored model is the best one:", abs(restored - best_loss) < 1e-6)
assert val_acc > 0.9, val_acc
