import torch

x = torch.arange(20).reshape(4, 5)

rows = torch.tensor([[0], [1]])  # (2, 1)
cols = torch.tensor([1, 2])  # (2,)
# zh: 两个索引张量先互相广播成 (2, 2)，结果的形状也是 (2, 2)
# en: the two index tensors broadcast to (2, 2), and so does the result
r, c = torch.broadcast_tensors(rows, cols)
print("rows broadcast:", r.tolist())
print("cols broadcast:", c.tolist())

block = x[[[0], [1]], [1, 2]]
print("x[[[0], [1]], [1, 2]]:")
print(block)
print("block[i, j] == x[r[i, j], c[i, j]]:", torch.equal(block, x[r, c]))
