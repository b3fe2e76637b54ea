import torch
from torch import nn

torch.manual_seed(0)

# zh: 同样把 1×8×8 的输入映射成 16×8×8 的输出
# en: both map a 1×8×8 input to a 16×8×8 output
conv = nn.Conv2d(1, 16, kernel_size=3, padding=1)
dense = nn.Linear(1 * 8 * 8, 16 * 8 * 8)
n_conv = sum(p.numel() for p in conv.parameters())
n_dense = sum(p.numel() for p in dense.parameters())
print("conv parameters:", n_conv)
print("dense parameters:", n_dense, f"({n_dense / n_conv:.0f}x)")

# zh: 卷积层的参数量与图像大小无关；全连接层则随像素数的平方增长
# en: a conv layer's parameter count does not depend on the image size; a dense layer's grows with pixels squared
print("conv on 28x28:", tuple(conv(torch.zeros(1, 1, 28, 28)).shape), "still", n_conv, "parameters")
print("dense for 28x28 -> 16x28x28 would need:", 784 * 16 * 784 + 16 * 784, "parameters")
assert n_conv == 16 * (1 * 3 * 3 + 1)
