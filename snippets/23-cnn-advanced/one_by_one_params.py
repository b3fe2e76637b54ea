import torch
from torch import nn

torch.manual_seed(0)


def count(module):
    return sum(p.numel() for p in module.parameters())


# zh: 把 192 个通道的 28×28 特征图变成 32 个通道，卷积核 5×5
# en: turn a 28×28 feature map with 192 channels into 32 channels with a 5×5 kernel
direct = nn.Conv2d(192, 32, kernel_size=5, padding=2)
# zh: 先用 1×1 卷积压缩到 16 个通道，再做 5×5 卷积
# en: first squeeze to 16 channels with a 1×1 convolution, then do the 5×5
bottleneck = nn.Sequential(nn.Conv2d(192, 16, kernel_size=1), nn.ReLU(),
                           nn.Conv2d(16, 32, kernel_size=5, padding=2))

x = torch.randn(1, 192, 28, 28)
print("output shapes:", tuple(direct(x).shape), tuple(bottleneck(x).shape))
for name, module in [("direct 5x5", direct), ("1x1 then 5x5", bottleneck)]:
    # zh: 每个权重在 28×28 个位置上各参与一次乘加
    # en: every weight takes part in one multiply-add at each of the 28×28 positions
    mult_adds = sum(m.weight.numel() for m in module.modules() if isinstance(m, nn.Conv2d)) * 28 * 28
    print(f"{name:<13} parameters={count(module):>7}  multiply-adds={mult_adds:>11,}")
print(f"ratio: {count(direct) / count(bottleneck):.1f}x")
