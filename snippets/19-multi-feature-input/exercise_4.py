import copy

import torch
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# zh: 与正文相同，只是训练 150 轮
# en: the same as in the chapter, but 150 epochs
torch.manual_seed(0)
X, y = load_breast_cancer(return_X_y=True)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
X_train, X_val, X_test = (torch.tensor(part, dtype=torch.float32) for part in (X_train, X_val, X_test))
y_train, y_val, y_test = (torch.tensor(part, dtype=torch.float32).reshape(-1, 1) for part in (y_train, y_val, y_test))
mean, std = X_train.mean(dim=0), X_train.std(dim=0)
X_train, X_val, X_test = (X_train - mean) / std, (X_val - mean) / std, (X_test - mean) / std
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                    generator=torch.Generator().manual_seed(0))
model = nn.Sequential(nn.Linear(30, 16), nn.ReLU(), nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 1))
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)


def loss_and_accuracy(X, y):
    with torch.no_grad():
        logits = model(X)
        return loss_fn(logits, y).item(), ((logits > 0).float() == y).float().mean().item()


# zh: 每 30 轮在验证集上看一次，并保存一份权重
# en: every 30 epochs, check the validation set and keep a copy of the weights
checkpoints = {}
for epoch in range(150):
    for xb, yb in loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    if (epoch + 1) % 30 == 0:
        train_loss, train_acc = loss_and_accuracy(X_train, y_train)
        val_loss, val_acc = loss_and_accuracy(X_val, y_val)
        checkpoints[epoch + 1] = (val_loss, copy.deepcopy(model.state_dict()))
        print(f"after {epoch + 1:3d} epochs: train loss {train_loss:.4f}, train accuracy {train_acc:.3f}, "
              f"val loss {val_loss:.4f}, val accuracy {val_acc:.3f}")

# zh: 按验证损失选出最好的检查点，然后只在测试集上评估这一次
# en: pick the checkpoint with the lowest validation loss, then evaluate it on the test set, once
best = min(checkpoints, key=lambda epochs: checkpoints[epochs][0])
model.load_state_dict(checkpoints[best][1])
print(f"chosen: {best} epochs, test accuracy {loss_and_accuracy(X_test, y_test)[1]:.3f}")
