import math

import torch
from sklearn.datasets import load_breast_cancer
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

X, y = load_breast_cancer(return_X_y=True)
X = torch.tensor(X, dtype=torch.float32)
y = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)
train_set, test_set = random_split(TensorDataset(X, y), [0.8, 0.2], generator=torch.Generator().manual_seed(0))
# zh: 标准化的统计量只取训练部分的行
# en: standardisation statistics come from the training rows only
mean, std = X[train_set.indices].mean(dim=0), X[train_set.indices].std(dim=0)

train_loader = DataLoader(train_set, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0))
test_loader = DataLoader(test_set, batch_size=256)
epochs = 10
print(f"{len(train_set)} training samples, batch size 32 -> {len(train_loader)} iterations per epoch")
print(f"{epochs} epochs -> {epochs * len(train_loader)} iterations in total")
assert len(train_loader) == math.ceil(len(train_set) / 32)

model = nn.Linear(30, 1).to(device)
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
step = 0
for epoch in range(epochs):
    for xb, yb in train_loader:
        xb, yb = ((xb - mean) / std).to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        step += 1
    if epoch % 3 == 0 or epoch == epochs - 1:
        print(f"epoch {epoch}: {step} iterations so far, last batch size {len(xb)}")

correct = 0
with torch.no_grad():
    for xb, yb in test_loader:
        pred = (model(((xb - mean) / std).to(device)) > 0).float()
        correct += (pred == yb.to(device)).sum().item()
test_acc = correct / len(test_set)
print(f"test accuracy: {test_acc:.3f}")
assert step == epochs * len(train_loader) and test_acc > 0.9
