import torch
from sklearn.datasets import load_digits

digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32)

# zh: 向右移 1 个像素的两种写法
# en: two ways to shift right by 1 pixel
rolled = torch.roll(images, shifts=1, dims=2)
padded = torch.nn.functional.pad(images, (1, 1, 0, 0))
cropped = padded[:, :, :8]

differ = (rolled != cropped).flatten(1).any(1)
ink_in_last_column = (images[:, :, -1] != 0).any(1)
print("images where roll and pad+crop differ:", differ.sum().item(), "of", len(images))
print("images with ink in the last column:", ink_in_last_column.sum().item())
print("they are the same images:", torch.equal(differ, ink_in_last_column))
print("what roll puts in column 0 comes from column 7:", torch.equal(rolled[:, :, 0], images[:, :, 7]))
