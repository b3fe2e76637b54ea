import torch
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

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

# zh: 没有隐藏层：30 个特征直接到一个 logit，也就是逻辑回归
# en: no hidden layer: 30 features straight to one logit, i.e. logistic regression
model = nn.Linear(30, 1)
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(50):
    for xb, yb in loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

# zh: 和三层网络比较要看验证集：选模型是一个决定
# en: compare with the three-layer network on the validation set: choosing a model is a decision
with torch.no_grad():
    train_acc = ((model(X_train) > 0).float() == y_train).float().mean().item()
    val_acc = ((model(X_val) > 0).float() == y_val).float().mean().item()
print("parameters:", sum(p.numel() for p in model.parameters()))
print(f"train accuracy: {train_acc:.3f}")
print(f"val accuracy:   {val_acc:.3f}  ({round(val_acc * len(y_val))}/{len(y_val)} correct)")
assert val_acc > 0.9
