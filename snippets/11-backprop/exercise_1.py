import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w1 = torch.tensor(1.0, requires_grad=True)
w2 = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(1.0, requires_grad=True)
lr = 0.02

for epoch in range(1, 5001):
    loss = ((w1 * x**2 + w2 * x + b - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        for p in (w1, w2, b):
            p -= lr * p.grad
            p.grad.zero_()
    if epoch in (10, 100, 1000, 5000):
        y4 = w1.item() * 16 + w2.item() * 4 + b.item()
        print(f"after {epoch:4d} epochs  w1 = {w1.item():.4f}  w2 = {w2.item():.4f}  "
              f"b = {b.item():.4f}  loss = {loss.item():.2e}  y(4) = {y4:.3f}")

# zh: 三个点、三个未知数：直接解线性方程组得到唯一的精确解
# en: three points, three unknowns: solve the linear system for the one exact answer
features = torch.stack([x**2, x, torch.ones_like(x)], dim=1)
print("exact (w1, w2, b):", torch.linalg.solve(features, y))
assert loss.item() < 1e-3
