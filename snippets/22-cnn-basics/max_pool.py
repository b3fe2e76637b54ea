import torch
from torch import nn

torch.manual_seed(0)

x = torch.tensor([[1.0, 3.0, 2.0, 0.0],
                  [4.0, 2.0, 1.0, 5.0],
                  [0.0, 1.0, 7.0, 2.0],
                  [6.0, 2.0, 3.0, 1.0]]).reshape(1, 1, 4, 4)
# zh: 2×2 窗口，步幅默认等于窗口大小，窗口互不重叠
# en: a 2×2 window; the stride defaults to the window size, so windows do not overlap
pool = nn.MaxPool2d(kernel_size=2)
print("pooled:\n", pool(x)[0, 0])
print("parameters in the pool:", sum(p.numel() for p in pool.parameters()))

# zh: 池化对每个通道分别进行，通道数不变
# en: pooling works on each channel separately; the channel count stays the same
x3 = torch.randn(2, 3, 8, 8)
print("input:", tuple(x3.shape), "-> pooled:", tuple(pool(x3).shape))
