import torch

a = torch.zeros(2, 3, 4)
b = torch.ones(2, 3, 4)

# zh: 拼接只让一个维度变长，维数不变
# en: cat grows one dim and keeps the number of dims
for dim in [0, 1, 2, -1]:
    y = torch.cat([a, b], dim=dim)
    print(f"cat dim={dim:2}: {tuple(a.shape)} + {tuple(b.shape)} -> {tuple(y.shape)}")

# zh: 沿 dim=2 拼接后，每行前 4 个来自 a，后 4 个来自 b
# en: after cat on dim=2, each row holds 4 values from a, then 4 from b
print("torch.cat([a, b], dim=2)[0, 0]:", torch.cat([a, b], dim=2)[0, 0])
