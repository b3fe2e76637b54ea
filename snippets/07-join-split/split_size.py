import torch

x = torch.arange(7)

# zh: 给一个整数：每块这么大，最后一块可能更小
# en: an int: every piece has that size, except perhaps a smaller last one
print("x.split(3):", x.split(3))

# zh: 二维张量可以沿任一维度切分
# en: a 2-D tensor can be split along any dim
m = torch.arange(15).reshape(3, 5)
print("m.split(2, dim=1) shapes:", [tuple(p.shape) for p in m.split(2, dim=1)])
print("m.split(2, dim=0) shapes:", [tuple(p.shape) for p in m.split(2, dim=0)])
