import torch

x = torch.zeros(2, 3, 4)
print("x:", x.shape, x.stride())

# zh: transpose 一次交换两个维度
# en: transpose swaps exactly two dims
y = x.transpose(0, 2)
print("x.transpose(0, 2):", y.shape, y.stride())

# zh: permute 给出所有维度的新顺序：新第 0 维取旧第 2 维，以此类推
# en: permute lists every dim in its new order: new dim 0 is old dim 2, and so on
z = x.permute(2, 0, 1)
print("x.permute(2, 0, 1):", z.shape, z.stride())

# zh: 常见用法：把图像批量从 (N, H, W, C) 变成 (N, C, H, W)
# en: a common use: turn an image batch from (N, H, W, C) into (N, C, H, W)
images = torch.zeros(8, 28, 28, 3)
print("NHWC -> NCHW:", images.permute(0, 3, 1, 2).shape)

try:
    x.permute(2, 0)
except RuntimeError as err:
    print("RuntimeError:", err)
