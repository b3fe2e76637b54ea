import torch

x = torch.arange(12).reshape(3, 4)
scale = torch.tensor([1, 10, 100])  # (3,)

# zh: 从右对齐：4 对 3，既不相等也不是 1
# en: aligned from the right: 4 against 3, neither equal nor 1
try:
    x * scale
except RuntimeError as err:
    print("RuntimeError:", err)

try:
    torch.broadcast_shapes((3, 4), (3,))
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 加一个长度为 1 的维度就能广播
# en: adding a length-1 dim makes it broadcast
print("scale[:, None].shape:", scale[:, None].shape)
print("(x * scale[:, None]).shape:", (x * scale[:, None]).shape)
