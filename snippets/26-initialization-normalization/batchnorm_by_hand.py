import torch
from torch import nn

torch.manual_seed(0)

# zh: BatchNorm1d：输入 (N, C)，每个特征在整个批量上求均值和方差
# en: BatchNorm1d: input (N, C), each feature gets its mean and variance over the batch
x = 3 * torch.randn(32, 4) + 5
bn1d = nn.BatchNorm1d(4)
print("BatchNorm1d weight, bias, running_mean shapes:", tuple(bn1d.weight.shape), tuple(bn1d.bias.shape),
      tuple(bn1d.running_mean.shape))
# zh: 可学习的缩放 weight 初始为 1、平移 bias 初始为 0；这里改成别的值，好让下面的核对更有说服力
# en: the learnable scale (weight) starts at 1 and the shift (bias) at 0; other values make the check below stronger
nn.init.constant_(bn1d.weight, 2.0)
nn.init.constant_(bn1d.bias, 0.5)
mean = x.mean(dim=0)
var = x.var(dim=0, unbiased=False)
by_hand = (x - mean) / torch.sqrt(var + bn1d.eps) * bn1d.weight + bn1d.bias
print("BatchNorm1d matches by hand:", torch.allclose(bn1d(x), by_hand, atol=1e-6))

# zh: BatchNorm2d：输入 (N, C, H, W)，每个通道在批量和所有像素上 (N, H, W) 求统计量
# en: BatchNorm2d: input (N, C, H, W), each channel gets its statistics over the batch and all pixels (N, H, W)
images = 3 * torch.randn(8, 16, 5, 5) + 5
bn2d = nn.BatchNorm2d(16)
mean = images.mean(dim=(0, 2, 3), keepdim=True)
var = images.var(dim=(0, 2, 3), keepdim=True, unbiased=False)
by_hand = (images - mean) / torch.sqrt(var + bn2d.eps)
out = bn2d(images)
print("stats shape:", tuple(mean.shape), "| values per channel:", images[:, 0].numel())
print("BatchNorm2d matches by hand:", torch.allclose(out, by_hand, atol=1e-5))
print("every channel of the output has mean 0 and std 1:",
      torch.allclose(out.mean(dim=(0, 2, 3)), torch.zeros(16), atol=1e-5),
      torch.allclose(out.std(dim=(0, 2, 3), unbiased=False), torch.ones(16), atol=1e-3))
