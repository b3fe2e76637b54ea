import torch

torch.manual_seed(0)
x = torch.randn(100, 3) * torch.tensor([1.0, 10.0, 100.0]) + torch.tensor([0.0, 5.0, -50.0])

# zh: 按列标准化：每列减去列均值，再除以列标准差
# en: standardise by column: subtract each column's mean, divide by its std
mean = x.mean(dim=0, keepdim=True)
std = x.std(dim=0, keepdim=True, correction=0)
z = (x - mean) / std
print("mean.shape:", mean.shape)
print("|z.mean(dim=0)|, 4 decimals:", z.mean(dim=0).abs().round(decimals=4))
print("z.std(dim=0, correction=0):", z.std(dim=0, correction=0))

assert torch.allclose(z.mean(dim=0), torch.zeros(3), atol=1e-5)
assert torch.allclose(z.std(dim=0, correction=0), torch.ones(3), atol=1e-5)
