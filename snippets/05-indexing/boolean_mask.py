import torch

x = torch.arange(12).reshape(3, 4)
# zh: 比较得到一个和 x 同形状的布尔掩码
# en: a comparison gives a boolean mask with x's shape
mask = x % 3 == 0
print("mask:")
print(mask)

# zh: 用掩码索引，取出所有 True 位置的元素，结果总是一维的
# en: indexing with the mask takes every True position; the result is always 1-D
print("x[mask]:", x[mask], tuple(x[mask].shape))

# zh: 也可以用布尔列表选行：每一行对应一个 True/False
# en: a boolean list can pick rows: one True/False per row
print("x[[True, False, True]]:")
print(x[[True, False, True]])
