import torch

images = torch.arange(8 * 3 * 5 * 5).reshape(8, 3, 5, 5)  # (N, C, H, W)

green = images[:, 1]  # channel 1 of every image
corner = images[..., :2, :2]  # top-left 2x2 of every channel
last_rows = images[::2, :, -1]  # every other image, last row
print("green:", tuple(green.shape))
print("corner:", tuple(corner.shape))
print("last_rows:", tuple(last_rows.shape))

assert green.shape == (8, 5, 5)
assert corner.shape == (8, 3, 2, 2)
assert last_rows.shape == (4, 3, 5)
