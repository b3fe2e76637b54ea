import torch

a = torch.linspace(0, 1, steps=11)
b = torch.arange(11) / 10

print("linspace:", a)
print("arange/10:", b)
print("numel:", a.numel(), b.numel())
assert torch.allclose(a, b)
print("max difference:", (a - b).abs().max().item())
