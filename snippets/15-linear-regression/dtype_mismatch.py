import torch
from sklearn.datasets import make_regression
from torch import nn

torch.manual_seed(0)

x_np, y_np = make_regression(n_samples=100, n_features=1, noise=10.0, bias=14.5, random_state=0)
model = nn.Linear(1, 1)
print("model.weight.dtype:", model.weight.dtype)

# zh: from_numpy 保留 NumPy 的 float64
# en: from_numpy keeps NumPy's float64
x64 = torch.from_numpy(x_np)
print("x64.dtype:", x64.dtype)
try:
    model(x64)
except RuntimeError as err:
    print("RuntimeError:", err)

print("float32 works:", model(x64.float()).shape)
