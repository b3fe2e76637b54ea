import torch

u = torch.tensor([1, 2, 3])
v = torch.tensor([4, 5, 6])

# zh: 一维输入：hstack 首尾相接，vstack 各成一行，column_stack 各成一列
# en: 1-D inputs: hstack joins end to end, vstack makes rows, column_stack makes columns
print("hstack:", torch.hstack([u, v]))
print("vstack:")
print(torch.vstack([u, v]))
print("column_stack:")
print(torch.column_stack([u, v]))

# zh: 二维输入：hstack 就是 cat(dim=1)，vstack 就是 cat(dim=0)
# en: 2-D inputs: hstack is cat(dim=1) and vstack is cat(dim=0)
a = torch.zeros(2, 3)
b = torch.ones(2, 3)
print("hstack == cat dim=1:", torch.equal(torch.hstack([a, b]), torch.cat([a, b], dim=1)))
print("vstack == cat dim=0:", torch.equal(torch.vstack([a, b]), torch.cat([a, b], dim=0)))
