import torch

# zh: 带噪声的数据，没有哪个 w 能让误差为 0
# en: noisy data: no w makes the error zero
x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.2, 3.9, 6.3])

w = torch.linspace(0, 4, 401)
mse = ((w[:, None] * x - y) ** 2).mean(dim=1)
w_grid = w[mse.argmin()].item()

# zh: 对 MSE 求导并令其为 0，得到 w* = Σxy / Σx²
# en: setting the derivative of the MSE to zero gives w* = Σxy / Σx²
w_exact = ((x * y).sum() / (x * x).sum()).item()
print(f"grid: w = {w_grid:.2f}   exact: w = {w_exact:.4f}")
assert abs(w_grid - w_exact) <= 0.005
