import torch

a = torch.zeros(2, 3)

# zh: 非拼接维（这里是第 1 维）大小不同
# en: a dim other than the cat dim (here dim 1) differs
try:
    torch.cat([a, torch.zeros(2, 4)], dim=0)
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 维数不同：二维和一维不能拼接
# en: different numbers of dims: 2-D and 1-D cannot be joined
try:
    torch.cat([a, torch.zeros(3)], dim=0)
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: dim 超出范围
# en: dim out of range
try:
    torch.cat([a, a], dim=2)
except IndexError as err:
    print("IndexError:", err)
