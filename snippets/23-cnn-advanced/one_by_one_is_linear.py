import torch
from torch import nn

torch.manual_seed(0)

x = torch.randn(2, 16, 8, 8)
conv = nn.Conv2d(16, 4, kernel_size=1)

# zh: 同样的权重放进一个线性层，作用在每个像素的 16 维通道向量上
# en: the same weights in a linear layer, applied to the 16-channel vector at every pixel
linear = nn.Linear(16, 4)
with torch.no_grad():
    linear.weight.copy_(conv.weight.reshape(4, 16))
    linear.bias.copy_(conv.bias)
    y_conv = conv(x)
    y_linear = linear(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)

print("conv.weight.shape:", tuple(conv.weight.shape))
print("y_conv.shape:", tuple(y_conv.shape), "| y_linear.shape:", tuple(y_linear.shape))
torch.testing.assert_close(y_conv, y_linear)
print("a 1x1 convolution is a linear layer applied at every pixel")
