import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# zh: 数据、模型和训练与正文相同
# en: the same data, model and training as in the chapter
torch.manual_seed(0)
digits = load_digits()
X = torch.tensor(digits.images, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=64, shuffle=True,
                    generator=torch.Generator().manual_seed(0))
model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(30):
    for xb, yb in loader:
        loss = nn.functional.cross_entropy(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
with torch.no_grad():
    pred = model(X_test).argmax(dim=1)

# zh: 混淆矩阵：第 t 行第 p 列 = 真实为 t、预测为 p 的个数
# en: confusion matrix: row t, column p = how many digits of true class t were predicted as p
confusion = torch.bincount(y_test * 10 + pred, minlength=100).reshape(10, 10)
print("true \\ pred", " ".join(f"{p:3d}" for p in range(10)))
for t in range(10):
    print(f"{t:11d}", " ".join(f"{n:3d}" for n in confusion[t].tolist()))

errors = confusion.clone()
errors.fill_diagonal_(0)
t, p = divmod(errors.argmax().item(), 10)
print(f"most common mistake: true {t} predicted as {p}, {errors[t, p].item()} times")
print("wrong predictions per predicted class:", errors.sum(dim=0).tolist())
assert confusion.sum().item() == len(y_test)
