import torch

x = torch.arange(20).reshape(4, 5)
# zh: 索引从 0 开始，第 0 维只有 0 到 3
# en: indices start at 0, so dim 0 only has 0 to 3
try:
    x[4]
except IndexError as err:
    print("IndexError:", err)

# zh: 切片越界不会报错，只是截到末尾
# en: a slice past the end is no error: it just stops at the end
print("x[3:10].shape:", x[3:10].shape)
