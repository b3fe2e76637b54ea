import torch

x = torch.ones(3, 3)
# zh: 本意是每一行乘一个自己的系数
# en: the intent: one factor per row
scale = torch.tensor([1.0, 10.0, 100.0])

# zh: 方阵时 (3,) 和最后一维对得上，不报错，但乘到了每一列上
# en: with a square matrix, (3,) matches the last dim: no error, but it scales the columns
print("x * scale:")
print(x * scale)

# zh: 写成 (3, 1) 的列，才是按行乘
# en: as a (3, 1) column, it scales the rows
print("x * scale[:, None]:")
print(x * scale[:, None])
