import torch

a = torch.zeros(2, 3)
b = torch.zeros(2, 4)

# zh: cat 只要求非拼接维相同，所以沿 dim=1 可以拼接
# en: cat needs only the other dims to match, so dim=1 works
print("cat dim=1:", torch.cat([a, b], dim=1).shape)

# zh: stack 要求所有输入形状完全相同
# en: stack needs every input to have exactly the same shape
try:
    torch.stack([a, b], dim=1)
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 新维度可以放在 0 到 a.ndim 之间，也就是 -3 到 2
# en: the new dim can go anywhere from 0 to a.ndim, that is -3 to 2
print("stack dim=-1:", torch.stack([a, a], dim=-1).shape)
try:
    torch.stack([a, a], dim=3)
except IndexError as err:
    print("IndexError:", err)
