import torch
from torch import nn

torch.manual_seed(0)


class DownResidual(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        # zh: 第一个卷积用步幅 2 把尺寸减半；捷径上的 1×1 卷积也要用同样的步幅
        # en: the first convolution halves the size with stride 2; the 1×1 shortcut needs the same stride
        self.conv1 = nn.Conv2d(c_in, c_out, kernel_size=3, padding=1, stride=2)
        self.conv2 = nn.Conv2d(c_out, c_out, kernel_size=3, padding=1)
        self.shortcut = nn.Conv2d(c_in, c_out, kernel_size=1, stride=2)

    def forward(self, x):
        return torch.relu(self.shortcut(x) + self.conv2(torch.relu(self.conv1(x))))


x = torch.randn(1, 16, 8, 8)
block = DownResidual(16, 32)
print("F(x):", tuple(block.conv2(torch.relu(block.conv1(x))).shape))
print("shortcut(x):", tuple(block.shortcut(x).shape))
print("output:", tuple(block(x).shape))
assert block(x).shape == (1, 32, 4, 4)
