import torch

# zh: 与 Python 的 range 一样：包含起点，不包含终点
# en: like Python's range: the start is included, the end is not
print("arange(5):        ", torch.arange(5))
print("arange(2, 10, 3): ", torch.arange(2, 10, 3))
print("arange(5, 0, -1): ", torch.arange(5, 0, -1))
# zh: 参数全是整数时得到 int64，只要有一个浮点数就得到 float32
# en: all-integer arguments give int64; a single float argument gives float32
print("arange(0, 1, 0.25):", torch.arange(0, 1, 0.25))

# zh: 函数名是 arange（array range），不是 arrange
# en: the name is arange (array range), not arrange
try:
    torch.arrange(5)
except AttributeError as err:
    print("AttributeError:", err)
