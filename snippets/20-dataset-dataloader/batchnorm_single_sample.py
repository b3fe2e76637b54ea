import torch
from torch import nn

torch.manual_seed(0)
layer = nn.BatchNorm1d(3)

# zh: BatchNorm 用当前批量的均值和方差做归一化：一个样本算不出方差
# en: BatchNorm normalises with the batch mean and variance: one sample has no variance
print("batch of 4:", layer(torch.randn(4, 3)).shape)
try:
    layer(torch.randn(1, 3))
except ValueError as err:
    print("ValueError:", err)
