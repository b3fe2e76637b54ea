import torch
from sklearn.datasets import load_breast_cancer
from torch import nn
from torch.utils.data import DataLoader, Dataset


class NumpyRows(Dataset):
    def __init__(self):
        # zh: 两个 NumPy 数组，X 是 float64
        # en: two NumPy arrays, X of dtype float64
        self.X, self.y = load_breast_cancer(return_X_y=True)

    def __len__(self):
        return len(self.X)

    def __getitem__(self, index):
        # zh: 直接返回 NumPy 的行，没有转换数据类型
        # en: return NumPy rows as they are, without converting the dtype
        return self.X[index], self.y[index]


xb, yb = next(iter(DataLoader(NumpyRows(), batch_size=4)))
print("batch x:", type(xb).__name__, xb.dtype, tuple(xb.shape))
print("batch y:", yb.dtype, tuple(yb.shape))

model = nn.Linear(30, 1)
try:
    model(xb)
except RuntimeError as err:
    print("RuntimeError:", err)
