import torch

# zh: 浮点步长会累积舍入误差，“不包含终点”可能失效
# en: a floating-point step accumulates rounding error, and "end excluded" can break
x = torch.arange(1.0, 1.3, 0.1)
print("arange(1.0, 1.3, 0.1):", x)
print("number of elements:", x.numel())

# zh: 需要固定个数的点时，用 linspace
# en: when you want a fixed number of points, use linspace
y = torch.linspace(1.0, 1.2, steps=3)
print("linspace(1.0, 1.2, 3): ", y)
