import torch

torch.manual_seed(0)
lr = 0.1
escaped = {}
for noise in (0.0, 0.01):
    x, y = 1.0, 0.0
    for step in range(100):
        # zh: 在精确梯度 (2x, -2y) 上加一点噪声，模拟随机梯度
        # en: add a little noise to the exact gradient (2x, -2y), like a stochastic gradient would
        grad_x = 2 * x + noise * torch.randn(()).item()
        grad_y = -2 * y + noise * torch.randn(()).item()
        x, y = x - lr * grad_x, y - lr * grad_y
        # zh: 鞍面向下无界，离开原点足够远就停
        # en: the surface has no lower bound, so stop once we are far from the origin
        if abs(y) > 1:
            break
    escaped[noise] = abs(y) > 1
    print(f"noise = {noise}: after {step + 1} steps x = {x:.4f}, y = {y:.4f}, escaped: {escaped[noise]}")
assert not escaped[0.0] and escaped[0.01]
