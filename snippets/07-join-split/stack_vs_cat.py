import torch

a = torch.zeros(2, 3)
b = torch.ones(2, 3)

# zh: cat 保持维数，stack 多出一维
# en: cat keeps the number of dims; stack adds one
print("cat dim=0:", torch.cat([a, b], dim=0).shape)
print("stack dim=0:", torch.stack([a, b], dim=0).shape)

# zh: stack 等价于先给每个输入 unsqueeze(dim)，再沿 dim 做 cat
# en: stack equals unsqueeze(dim) on every input followed by cat on dim
for dim in range(3):
    stacked = torch.stack([a, b], dim=dim)
    joined = torch.cat([a.unsqueeze(dim), b.unsqueeze(dim)], dim=dim)
    print(f"dim={dim}: stack {tuple(stacked.shape)} equals unsqueeze + cat: {torch.equal(stacked, joined)}")
