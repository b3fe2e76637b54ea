import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([5.0, 7.0, 9.0])
w, b, lr = 0.0, 0.0, 0.1

for epoch in range(1000):
    error = w * x + b - y
    # zh: d(MSE)/dw = 2/N · Σ x·error，d(MSE)/db = 2/N · Σ error
    # en: d(MSE)/dw = 2/N · Σ x·error, d(MSE)/db = 2/N · Σ error
    grad_w = (2 * x * error).mean().item()
    grad_b = (2 * error).mean().item()
    w -= lr * grad_w
    b -= lr * grad_b
    if epoch in (0, 10, 100, 999):
        mse = ((w * x + b - y) ** 2).mean().item()
        print(f"epoch {epoch:3d}: w = {w:.4f}, b = {b:.4f}, MSE = {mse:.6f}")
assert abs(w - 2) < 1e-3 and abs(b - 3) < 1e-3
