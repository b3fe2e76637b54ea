import torch
from torch import nn

torch.manual_seed(0)

# zh: 一张 5×5 的单通道图像：左边两列是 0，右边三列是 1，中间有一条竖直边缘
# en: a 5×5 one-channel image: two columns of 0 on the left, three of 1 on the right
x = torch.tensor([[0.0, 0.0, 1.0, 1.0, 1.0]] * 5).reshape(1, 1, 5, 5)  # (N, C, H, W)
kernel = torch.tensor([[-1.0, 0.0, 1.0]] * 3)

conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=3, bias=False)
with torch.no_grad():
    conv.weight.copy_(kernel.reshape(1, 1, 3, 3))
    y = conv(x)
print("x.shape:", x.shape)
print("conv.weight.shape:", conv.weight.shape)
print("y.shape:", y.shape)
print("y[0, 0]:\n", y[0, 0])

# zh: 手算 y[0, 0, 1, 0]：取第 1~3 行、第 0~2 列的窗口，与卷积核逐元素相乘再求和
# en: y[0, 0, 1, 0] by hand: take rows 1-3, columns 0-2, multiply by the kernel, sum
window = x[0, 0, 1:4, 0:3]
by_hand = (window * kernel).sum()
print("window:\n", window)
print("by hand:", by_hand.item(), "| conv:", y[0, 0, 1, 0].item())
assert by_hand == y[0, 0, 1, 0]
