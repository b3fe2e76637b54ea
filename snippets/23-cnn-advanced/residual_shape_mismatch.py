import torch
from torch import nn

torch.manual_seed(0)

x = torch.randn(1, 16, 8, 8)
f = nn.Sequential(nn.Conv2d(16, 32, kernel_size=3, padding=1), nn.ReLU(),
                  nn.Conv2d(32, 32, kernel_size=3, padding=1))

# zh: F(x) 有 32 个通道，x 只有 16 个，不能直接相加
# en: F(x) has 32 channels and x only 16, so they cannot be added
try:
    y = x + f(x)
except RuntimeError as err:
    print("RuntimeError:", err)

shortcut = nn.Conv2d(16, 32, kernel_size=1)
print("with a 1x1 projection:", tuple((shortcut(x) + f(x)).shape))
