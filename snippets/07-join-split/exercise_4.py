import torch

x = torch.tensor([[1, 2, 3], [4, 5, 6]])
new_row = torch.tensor([7, 8, 9])

try:
    torch.cat([x, new_row])
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 给新行加上行维，形状变成 (1, 3)，再沿 dim=0 拼接
# en: give the new row a row dim, shape (1, 3), then cat on dim=0
y = torch.cat([x, new_row.unsqueeze(0)], dim=0)
print(y)
assert y.shape == (3, 3)
assert torch.equal(y, torch.vstack([x, new_row]))
print("vstack gives the same result")
