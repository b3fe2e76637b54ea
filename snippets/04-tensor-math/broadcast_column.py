import torch

x = torch.arange(12).reshape(3, 4)
# zh: 每一行乘一个自己的系数：系数要排成 (3, 1) 的一列
# en: scale each row by its own factor: the factors go in a (3, 1) column
scale = torch.tensor([[1], [10], [100]])
print("x.shape:", x.shape, " scale.shape:", scale.shape)

y = x * scale
print("x * scale:")
print(y)

