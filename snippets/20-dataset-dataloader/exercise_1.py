import math

import torch
from torch.utils.data import DataLoader, Dataset


# zh: y = sin(x) 加噪声的点：取的时候才计算，从不存储
# en: points on y = sin(x) + noise, computed when asked for, never stored
class NoisySine(Dataset):
    def __init__(self, n, noise=0.1):
        self.n, self.noise = n, noise

    def __len__(self):
        return self.n

    def __getitem__(self, index):
        if not 0 <= index < self.n:
            raise IndexError(index)
        x = torch.tensor([2 * math.pi * index / self.n])
        # zh: 每个索引用自己的种子：同一个样本每次取出来都一样
        # en: each index gets its own seed: a sample is the same every time you read it
        g = torch.Generator().manual_seed(index)
        y = torch.sin(x) + self.noise * torch.randn(1, generator=g)
        return x, y


dataset = NoisySine(1_000_000)
print("len(dataset):", len(dataset))
print("dataset[250000]:", dataset[250000])
assert torch.equal(dataset[7][1], dataset[7][1])

loader = DataLoader(dataset, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(0))
xb, yb = next(iter(loader))
print("batch:", tuple(xb.shape), tuple(yb.shape), " batches per epoch:", len(loader))
