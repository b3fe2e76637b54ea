import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
digits = load_digits()
X = torch.tensor(digits.images, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=64, shuffle=True,
                    generator=torch.Generator().manual_seed(0))

# zh: 没有隐藏层：64 个像素直接到 10 个 logits，即 softmax 回归
# en: no hidden layer: 64 pixels straight to 10 logits, i.e. softmax regression
model = nn.Sequential(nn.Flatten(), nn.Linear(64, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
for epoch in range(30):
    for xb, yb in loader:
        loss = nn.functional.cross_entropy(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

with torch.no_grad():
    train_acc = (model(X_train).argmax(dim=1) == y_train).float().mean().item()
    test_acc = (model(X_test).argmax(dim=1) == y_test).float().mean().item()
print("parameters:", sum(p.numel() for p in model.parameters()))
print(f"train accuracy: {train_acc:.3f}")
print(f"test accuracy:  {test_acc:.3f}")
assert test_acc > 0.9
