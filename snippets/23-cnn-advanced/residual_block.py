import torch
from torch import nn

torch.manual_seed(0)


class Residual(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv1 = nn.Conv2d(c_in, c_out, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(c_out, c_out, kernel_size=3, padding=1)
        # zh: 通道数不同时，捷径上用 1×1 卷积把 x 投影成相同的形状
        # en: when the channel counts differ, a 1×1 convolution projects x to the same shape on the shortcut
        self.shortcut = nn.Conv2d(c_in, c_out, kernel_size=1) if c_in != c_out else nn.Identity()

    def forward(self, x):
        fx = self.conv2(torch.relu(self.conv1(x)))
        return torch.relu(self.shortcut(x) + fx)


x = torch.randn(1, 16, 8, 8)
for c_out in (16, 32):
    block = Residual(16, c_out)
    n_params = sum(p.numel() for p in block.parameters())
    print(f"Residual(16, {c_out}): shortcut={type(block.shortcut).__name__}, "
          f"output {tuple(block(x).shape)}, parameters={n_params}")
