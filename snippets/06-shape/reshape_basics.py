import torch

x = torch.arange(6)
print("x:", x, "shape:", x.shape)

# zh: 元素个数不变（6 个），只是换一种排法
# en: the number of elements stays 6; only the arrangement changes
print("x.reshape(2, 3):")
print(x.reshape(2, 3))
print("x.reshape(3, 2):")
print(x.reshape(3, 2))
print("x.reshape(2, 3, 1).shape:", x.reshape(2, 3, 1).shape)

# zh: 新形状的元素个数必须等于 x.numel()
# en: the new shape must hold exactly x.numel() elements
print("x.numel():", x.numel())
try:
    x.reshape(4, 2)
except RuntimeError as err:
    print("RuntimeError:", err)
