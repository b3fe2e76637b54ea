import torch

images = torch.arange(8 * 3 * 5 * 5).reshape(8, 3, 5, 5)  # (N, C, H, W)

# zh: 每张图片的通道 1（从 0 开始编号）
# en: channel 1 of every image
green = images[:, 1]
# zh: 每个通道左上角的 2x2 区域
# en: the top-left 2x2 of every channel
corner = images[..., :2, :2]
# zh: 每隔一张图片，取每个通道的最后一行
# en: every other image, the last row of each channel
last_rows = images[::2, :, -1]
print("green:", tuple(green.shape))
print("corner:", tuple(corner.shape))
print("last_rows:", tuple(last_rows.shape))

assert green.shape == (8, 5, 5)
assert corner.shape == (8, 3, 2, 2)
assert last_rows.shape == (4, 3, 5)
