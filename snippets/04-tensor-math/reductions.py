import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # (2, 3)

# zh: 不给 dim：把所有元素归约成一个数
# en: no dim: every element is reduced to one number
print("x.sum():", x.sum(), " x.mean():", x.mean())

# zh: dim=0 沿行方向压缩，每列得到一个数；dim=1 每行得到一个数
# en: dim=0 collapses the rows, one number per column; dim=1 gives one per row
print("x.sum(dim=0):", x.sum(dim=0), tuple(x.sum(dim=0).shape))
print("x.sum(dim=1):", x.sum(dim=1), tuple(x.sum(dim=1).shape))

# zh: keepdim=True 保留被压缩的维度，长度变为 1
# en: keepdim=True keeps the reduced dim, with length 1
print("x.sum(dim=1, keepdim=True):")
print(x.sum(dim=1, keepdim=True), tuple(x.sum(dim=1, keepdim=True).shape))
print("x.mean(dim=0, keepdim=True):", x.mean(dim=0, keepdim=True))
