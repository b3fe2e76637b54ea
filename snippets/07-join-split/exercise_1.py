import torch

r = torch.zeros(2, 3)
g = torch.ones(2, 3)
b = torch.full((2, 3), 2.0)

rows = torch.cat([r, g, b], dim=0)
cols = torch.cat([r, g, b], dim=1)
first = torch.stack([r, g, b], dim=0)
last = torch.stack([r, g, b], dim=-1)
for name, t in [("rows", rows), ("cols", cols), ("first", first), ("last", last)]:
    print(f"{name:5} {tuple(t.shape)}")

assert rows.shape == (6, 3) and cols.shape == (2, 9)
assert first.shape == (3, 2, 3) and last.shape == (2, 3, 3)
# zh: last[i, j] 依次是 r、g、b 在 (i, j) 处的值
# en: last[i, j] holds the values of r, g, b at (i, j)
assert last[1, 2].tolist() == [0.0, 1.0, 2.0]
print("checks passed")
