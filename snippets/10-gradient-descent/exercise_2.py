import math

import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([5.0, 7.0, 9.0])
w, b, lr = 0.0, 0.0, 0.1

for epoch in range(1000):
    error = w * x + b - y
    # zh: MSE 对 w 的梯度是 2/N · Σ x·error，对 b 的梯度是 2/N · Σ error
    # en: d(MSE)/dw = 2/N · Σ x·error, d(MSE)/db = 2/N · Σ error
    w -= lr * (2 * x * error).mean().item()
    b -= lr * (2 * error).mean().item()
    if epoch in (0, 10, 100, 999):
        mse = ((w * x + b - y) ** 2).mean().item()
        print(f"epoch {epoch:3d}: w = {w:.4f}, b = {b:.4f}, MSE = {mse:.6f}")
assert abs(w - 2) < 1e-3 and abs(b - 3) < 1e-3

# zh: 代价的二阶导数矩阵（Hessian）：两个特征值就是山谷两个方向上的弯曲程度
# en: the matrix of second derivatives (Hessian): its two eigenvalues are the curvatures of the valley
hessian = 2 * torch.tensor([[(x**2).mean(), x.mean()], [x.mean(), 1.0]])
steep, flat = torch.linalg.eigvalsh(hessian).flip(0).tolist()
print(f"curvature: steep {steep:.3f}, flat {flat:.3f}; largest stable lr = 2 / {steep:.3f} = {2 / steep:.3f}")
factor = 1 - lr * flat
print(f"along the flat direction each epoch keeps {factor:.4f} of the error: "
      f"{math.log(1000) / -math.log(factor):.0f} epochs to shrink it 1000 times")
