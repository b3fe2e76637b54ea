import torch

torch.manual_seed(0)
features = torch.randn(10, 3)
labels = torch.tensor([0, 1, 1, 0, 1, 0, 0, 1, 1, 0])
# zh: data 的形状是 (10, 4)，最后一列是标签
# en: data has shape (10, 4), and its last column is the label
data = torch.cat([features, labels[:, None].float()], dim=1)

# zh: 最后一列等于 1 的行，再取前 3 列
# en: rows whose last column equals 1, then the first 3 columns
positive = data[data[:, -1] == 1, :3]
print("positive.shape:", positive.shape)
print("feature means:", positive.mean(dim=0))

assert positive.shape == (5, 3)
assert torch.allclose(positive.mean(dim=0), features[labels == 1].mean(dim=0))
