import torch
from torch import nn

torch.manual_seed(0)

# zh: 3 个输入通道（比如 RGB），2 个输出通道
# en: 3 input channels (RGB, say) and 2 output channels
x = torch.randn(1, 3, 5, 5)
conv = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=3)
print("weight.shape:", conv.weight.shape)  # (out_channels, in_channels, kH, kW)
print("bias.shape:", conv.bias.shape)
with torch.no_grad():
    y = conv(x)
print("y.shape:", y.shape)

# zh: 输出通道 1 的一个值 = 对全部 3 个输入通道的窗口加权求和，再加上这个通道的偏置
# en: one value of output channel 1 = weighted sum over the window in all 3 input channels, plus that channel's bias
window = x[0, :, 0:3, 0:3]
by_hand = (window * conv.weight[1]).sum() + conv.bias[1]
print("by hand:", round(by_hand.item(), 4), "| conv:", round(y[0, 1, 0, 0].item(), 4))
torch.testing.assert_close(by_hand, y[0, 1, 0, 0])
