import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits

torch.manual_seed(0)


def random_shift(images, max_shift=1):
    # zh: 四周各补 max_shift 圈 0，再为每张图随机选一个 8×8 的窗口裁出来
    # en: pad max_shift rings of zeros, then crop a random 8×8 window per image
    n = len(images)
    padded = torch.nn.functional.pad(images, (max_shift,) * 4)
    dy = torch.randint(0, 2 * max_shift + 1, (n, 1, 1))
    dx = torch.randint(0, 2 * max_shift + 1, (n, 1, 1))
    rows = dy + torch.arange(8).reshape(1, 8, 1)
    cols = dx + torch.arange(8).reshape(1, 1, 8)
    return padded[torch.arange(n).reshape(n, 1, 1), rows, cols]


digits = load_digits()
images = torch.tensor(digits.images[:1], dtype=torch.float32).expand(7, 8, 8) / 16
shifted = random_shift(images)
print("shape in:", tuple(images.shape), "| shape out:", tuple(shifted.shape))
print("ink kept (sum out / sum in):", [round(v, 2) for v in (shifted.sum((1, 2)) / images.sum((1, 2))).tolist()])

fig, axes = plt.subplots(1, 8, figsize=(6, 1.4), layout="constrained")
for ax, img, title in zip(axes, [images[0], *shifted], ["original"] + [""] * 7, strict=True):
    ax.imshow(img.numpy(), cmap="gray_r")
    ax.set_title(title, fontsize=8)
    ax.set(xticks=[], yticks=[])
fig.suptitle("One digit and seven random shifts of at most 1 pixel", fontsize=9)
plt.show()
