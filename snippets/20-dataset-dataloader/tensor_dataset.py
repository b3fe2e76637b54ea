import torch
from sklearn.datasets import load_breast_cancer
from torch.utils.data import DataLoader, TensorDataset

X, y = load_breast_cancer(return_X_y=True)
X = torch.tensor(X, dtype=torch.float32)
y = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)

# zh: 数据已经是张量时，TensorDataset 一行就能代替自己写的类
# en: when the data is already in tensors, TensorDataset replaces your own class in one line
dataset = TensorDataset(X, y)
print("len(dataset):", len(dataset))
x0, y0 = dataset[0]
print("dataset[0]: x", x0.shape, " y", y0)
assert torch.equal(x0, X[0]) and torch.equal(y0, y[0])

loader = DataLoader(dataset, batch_size=32)
xb, yb = next(iter(loader))
print("first batch: x", tuple(xb.shape), " y", tuple(yb.shape))

# zh: 所有张量的第 0 维必须一样长
# en: all tensors must have the same length along dimension 0
try:
    TensorDataset(X, y[:100])
except AssertionError as err:
    print("AssertionError:", err)
