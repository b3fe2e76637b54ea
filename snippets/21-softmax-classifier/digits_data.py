import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits

# zh: 1797 张 8×8 的手写数字灰度图，随 scikit-learn 一起安装，不用下载
# en: 1797 handwritten digits as 8×8 greyscale images; they ship with scikit-learn, no download
digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32)
labels = torch.tensor(digits.target)
print("images:", images.shape, images.dtype, " labels:", labels.shape, labels.dtype)
print("pixel range:", images.min().item(), "to", images.max().item())
print("images per class:", torch.bincount(labels).tolist())

fig, axes = plt.subplots(2, 5, figsize=(6, 2.8))
for ax, image, label in zip(axes.flat, images, labels):
    ax.imshow(image.numpy(), cmap="gray_r")
    ax.set_title(f"label {label.item()}", fontsize=9)
    ax.axis("off")
fig.suptitle("The first 10 digits (8×8 pixels)")
plt.show()
