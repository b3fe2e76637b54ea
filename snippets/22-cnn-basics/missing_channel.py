import torch
from sklearn.datasets import load_digits
from torch import nn

torch.manual_seed(0)

images = torch.tensor(load_digits().images[:64], dtype=torch.float32) / 16
conv = nn.Conv2d(in_channels=1, out_channels=8, kernel_size=3)
print("images.shape:", tuple(images.shape))

# zh: 少了通道维，(64, 8, 8) 被当成一张“64 通道”的图像
# en: without the channel dim, (64, 8, 8) is read as a single image with 64 channels
try:
    conv(images)
except RuntimeError as err:
    print("RuntimeError:", err)

print("with unsqueeze(1):", tuple(conv(images.unsqueeze(1)).shape))
