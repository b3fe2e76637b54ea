import torch
from torch import nn

torch.manual_seed(0)

x = torch.randn(1, 1, 8, 8)
# zh: padding="same" 自动选择填充量，让输出和输入一样大
# en: padding="same" picks the padding that keeps the output as large as the input
for k in (3, 5):
    conv = nn.Conv2d(1, 1, kernel_size=k, padding="same")
    print(f"kernel_size={k}, padding='same' -> output {tuple(conv(x).shape)}")

# zh: 步幅大于 1 时输出必然变小，“same”无从谈起
# en: with a stride above 1 the output must shrink, so "same" has no meaning
try:
    nn.Conv2d(1, 1, kernel_size=3, padding="same", stride=2)
except ValueError as err:
    print("ValueError:", err)
