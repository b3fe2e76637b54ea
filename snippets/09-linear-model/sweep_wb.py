import torch

# zh: 这组数据满足 y = 2x + 3
# en: this data follows y = 2x + 3
x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([5.0, 7.0, 9.0])

w = torch.linspace(0, 4, 41)
b = torch.linspace(0, 6, 61)
W, B = torch.meshgrid(w, b, indexing="ij")

# zh: (41, 61, 1) 与 (3,) 广播成 (41, 61, 3)，再对样本求平均
# en: (41, 61, 1) broadcasts with (3,) to (41, 61, 3); then average over the samples
y_pred = W[..., None] * x + B[..., None]
mse = ((y_pred - y) ** 2).mean(dim=-1)
print("grid shape:", tuple(mse.shape), " evaluations:", mse.numel())

# zh: argmin 给出展平后的索引，unravel_index 把它还原成 (i, j)
# en: argmin gives a flat index; unravel_index turns it back into (i, j)
i, j = torch.unravel_index(mse.argmin(), mse.shape)
print(f"best w = {W[i, j].item():.2f}, best b = {B[i, j].item():.2f}, MSE = {mse[i, j].item():.4f}")
