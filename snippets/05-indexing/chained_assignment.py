import torch

x = torch.zeros(3, 4, dtype=torch.long)

# zh: 一次写完的高级索引赋值会改写 x
# en: an advanced-index assignment written in one step changes x
x[[0, 2], 1] = 5
print("x[[0, 2], 1] = 5:")
print(x)

# zh: 分两步写：x[[0, 2]] 先产生副本，第二步只改了这个副本
# en: in two steps, x[[0, 2]] first makes a copy, and the second step only changes that copy
x[[0, 2]][:, 3] = 7
print("x[[0, 2]][:, 3] = 7 (x unchanged):")
print(x)
