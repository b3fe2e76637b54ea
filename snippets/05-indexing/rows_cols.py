import torch

x = torch.arange(20).reshape(4, 5)  # x[i, j] == 5 * i + j
print("x:")
print(x)

# zh: 一个索引选出一行；: 表示这一维全要
# en: one index picks a row; : means "all of this dim"
print("x[1]:", x[1])
print("x[1, :]:", x[1, :])
print("x[-1]:", x[-1])

# zh: 列要写在第二个位置，行的位置用 :
# en: a column goes in the second place, with : for the rows
print("x[:, 2]:", x[:, 2])

# zh: 单个元素仍是 0 维张量，.item() 才是 Python 数字
# en: a single element is still a 0-d tensor; .item() makes it a Python number
print("x[1, 2]:", x[1, 2], " .item():", x[1, 2].item())
