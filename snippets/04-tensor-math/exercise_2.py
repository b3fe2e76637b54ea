import torch

points = torch.tensor([[0.0, 0.0], [1.0, 1.0], [4.0, 4.0], [5.0, 3.0]])  # (4, 2)
centres = torch.tensor([[0.0, 1.0], [5.0, 4.0], [2.0, 2.0]])  # (3, 2)

# zh: (4, 1, 2) - (1, 3, 2) 广播成 (4, 3, 2)，再在最后一维求平方和
# en: (4, 1, 2) - (1, 3, 2) broadcasts to (4, 3, 2); then sum squares over the last dim
diff = points[:, None, :] - centres[None, :, :]
dist2 = (diff**2).sum(dim=-1)
print("dist2.shape:", dist2.shape)
print(dist2)

nearest = dist2.argmin(dim=1)
print("nearest centre per point:", nearest)

assert torch.allclose(dist2, torch.cdist(points, centres) ** 2, atol=1e-5)
assert nearest.tolist() == [0, 0, 1, 1]
