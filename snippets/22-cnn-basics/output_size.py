import torch
from torch import nn

torch.manual_seed(0)


def out_size(n, k, p, s):
    return (n + 2 * p - k) // s + 1


x = torch.randn(1, 1, 8, 8)
print(" k  p  s | formula  actual")
for k, p, s in [(3, 0, 1), (3, 1, 1), (5, 2, 1), (3, 1, 2), (3, 0, 2), (2, 0, 2)]:
    conv = nn.Conv2d(1, 1, kernel_size=k, padding=p, stride=s)
    actual = conv(x).shape[-1]
    print(f"{k:2d} {p:2d} {s:2d} | {out_size(8, k, p, s):7d} {actual:7d}")
    assert out_size(8, k, p, s) == actual
