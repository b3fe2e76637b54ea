import torch

a = torch.full((3, 4), 7.0, dtype=torch.float64)
b = torch.ones(3, 4, dtype=torch.float64) * 7
c = torch.tensor([[7, 7, 7, 7]] * 3, dtype=torch.float64)

for name, t in [("full", a), ("ones * 7", b), ("tensor", c)]:
    print(f"{name:9} shape={tuple(t.shape)} dtype={t.dtype}")

assert torch.equal(a, b) and torch.equal(a, c)
print("all three are equal")
