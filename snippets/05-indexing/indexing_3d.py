import torch

x = torch.arange(24).reshape(2, 3, 4)
print("x:")
print(x)

# zh: 每个位置对应一个轴，没写到的轴全取
# en: each position is one axis; axes you leave out are taken whole
print("x[0]        ->", tuple(x[0].shape))
print("x[:, 0]     ->", tuple(x[:, 0].shape), x[:, 0].tolist())
print("x[:, :, 0]  ->", tuple(x[:, :, 0].shape), x[:, :, 0].tolist())
print("x[1, 2, 3]  ->", x[1, 2, 3].item())

# zh: ... 代表“中间所有的轴”，x[..., 0] 就是 x[:, :, 0]
# en: ... stands for "all the axes in between": x[..., 0] is x[:, :, 0]
print("x[..., 0] equals x[:, :, 0]:", torch.equal(x[..., 0], x[:, :, 0]))

# zh: 整数索引会去掉这一维，长度为 1 的切片会保留它
# en: an integer index drops its axis; a length-1 slice keeps it
print("x[:, 0].shape:", x[:, 0].shape, " x[:, 0:1].shape:", x[:, 0:1].shape)
