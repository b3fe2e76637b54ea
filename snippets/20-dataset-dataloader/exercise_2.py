import math

import torch
from torch.utils.data import DataLoader, TensorDataset

N, B, epochs = 1000, 64, 15
dataset = TensorDataset(torch.zeros(N, 1))

for drop_last in (False, True):
    per_epoch = N // B if drop_last else math.ceil(N / B)
    loader = DataLoader(dataset, batch_size=B, shuffle=True, drop_last=drop_last,
                        generator=torch.Generator().manual_seed(0))
    # zh: 真的跑一遍，数一数迭代次数和用到的样本数
    # en: actually loop and count the iterations and the samples used
    iterations, samples = 0, 0
    for epoch in range(epochs):
        for (xb,) in loader:
            iterations += 1
            samples += len(xb)
    print(f"drop_last={drop_last}: predicted {per_epoch} x {epochs} = {per_epoch * epochs}, "
          f"counted {iterations} iterations, {samples} samples used")
    assert iterations == per_epoch * epochs
