import torch

# zh: linspace：从 start 到 end（两端都包含）均匀取 steps 个点
# en: linspace: steps evenly spaced points from start to end, both ends included
print("linspace(0, 1, 5):", torch.linspace(0, 1, steps=5))
print("linspace(-1, 1, 4):", torch.linspace(-1, 1, steps=4))

# zh: logspace：指数均匀分布，得到 base**start 到 base**end
# en: logspace: evenly spaced exponents, from base**start to base**end
print("logspace(0, 3, 4):", torch.logspace(0, 3, steps=4))
print("logspace(0, 4, 5, base=2):", torch.logspace(0, 4, steps=5, base=2))

# zh: 常见用法：学习率网格
# en: a common use: a grid of learning rates
print("learning rates:", torch.logspace(-4, -1, steps=4))
