import torch

x = torch.arange(12).reshape(3, 4)
b = torch.tensor([10, 20, 30, 40])
print("x.shape:", x.shape, " b.shape:", b.shape)

# zh: b 的形状 (4,) 先补成 (1, 4)，再沿第 0 维复制成 (3, 4)
# en: b's shape (4,) becomes (1, 4), then is repeated along dim 0 to (3, 4)
y = x + b
print("x + b:")
print(y)

explicit = x + b.reshape(1, 4).expand(3, 4)
print("same as expanding by hand:", torch.equal(y, explicit))
