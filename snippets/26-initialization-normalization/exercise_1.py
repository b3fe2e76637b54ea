import torch
from torch import nn

torch.manual_seed(0)
x = 3 * torch.randn(4, 6, 5, 5) + 5

# zh: GroupNorm 把 6 个通道分成 3 组，每个样本的每组在组内的通道和 H、W 上求统计量
# en: GroupNorm splits the 6 channels into 3 groups; each group of each sample gets statistics over (its channels, H, W)
gn = nn.GroupNorm(num_groups=3, num_channels=6)
groups = x.reshape(4, 3, 2, 5, 5)
mean = groups.mean(dim=(2, 3, 4), keepdim=True)
var = groups.var(dim=(2, 3, 4), keepdim=True, unbiased=False)
by_hand = ((groups - mean) / torch.sqrt(var + gn.eps)).reshape(4, 6, 5, 5)
print("stats shape:", tuple(mean.shape), "| GroupNorm matches by hand:", torch.allclose(gn(x), by_hand, atol=1e-5))

# zh: 只有 1 组时，就是在每个样本的 (C, H, W) 上做 LayerNorm
# en: with a single group it is LayerNorm over each sample's (C, H, W)
ln = nn.LayerNorm([6, 5, 5], elementwise_affine=False)
print("GroupNorm(1, 6) == LayerNorm([6, 5, 5]):", torch.allclose(nn.GroupNorm(1, 6)(x), ln(x), atol=1e-5))
# zh: 和 LayerNorm 一样，批量大小为 1 也没有问题
# en: like LayerNorm, a batch of one is fine
print("batch of one in train mode, output shape:", tuple(gn.train()(x[:1]).shape))
