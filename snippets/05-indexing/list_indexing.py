import torch

x = torch.arange(20).reshape(4, 5)

# zh: 用列表选多行，顺序和重复都按列表来
# en: a list picks several rows, in list order, repeats allowed
print("x[[2, 0, 0]]:")
print(x[[2, 0, 0]])

# zh: 行、列各给一个列表：按位置配对，取出 (1, 3) 和 (2, 4) 两个元素
# en: one list for rows, one for columns: paired up, giving (1, 3) and (2, 4)
print("x[[1, 2], [3, 4]]:", x[[1, 2], [3, 4]])

# zh: 选一个行块：先选行，再选列
# en: a block of rows and columns: pick rows, then columns
print("x[[0, 1]][:, [1, 2]]:")
print(x[[0, 1]][:, [1, 2]])
