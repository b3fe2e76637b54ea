import torch

a = torch.tensor([[1, 2, 3], [4, 5, 6]])
b = torch.tensor([[7, 8, 9], [10, 11, 12]])

# zh: stack 先新建一个维度，再沿它拼接：两个 (2, 3) 变成三维
# en: stack adds a new dim and joins along it: two (2, 3) tensors become 3-D
s0 = torch.stack([a, b], dim=0)
print("stack dim=0:", s0.shape)
print(s0)
print("s0[0] equals a:", torch.equal(s0[0], a))

s1 = torch.stack([a, b], dim=1)
print("stack dim=1:", s1.shape)
print("s1[0]:", s1[0].tolist())

# zh: dim=2：新维度在最后，s2[i, j] 就是 [a[i, j], b[i, j]]
# en: dim=2: the new dim is last, so s2[i, j] is [a[i, j], b[i, j]]
s2 = torch.stack([a, b], dim=2)
print("stack dim=2:", s2.shape)
print(s2)
print("s2[1, 2]:", s2[1, 2])
