import math

import torch
from torch.utils.data import DataLoader, TensorDataset

N = 569
dataset = TensorDataset(torch.zeros(N, 30), torch.zeros(N, 1))

# zh: 一轮 = 把全部 N 个样本过一遍；一次迭代 = 处理一个批量、更新一次参数
# en: one epoch = one pass over all N samples; one iteration = one batch, one parameter update
print(" B   ceil(N/B)  len(loader)  floor(N/B) with drop_last")
for B in (1, 32, 64, 100, 569, 1000):
    keep = len(DataLoader(dataset, batch_size=B))
    drop = len(DataLoader(dataset, batch_size=B, drop_last=True))
    print(f"{B:4d}  {math.ceil(N / B):9d}  {keep:11d}  {drop:10d}")
    assert keep == math.ceil(N / B) and drop == N // B

epochs, B = 20, 32
iterations = epochs * math.ceil(N / B)
print(f"{epochs} epochs x ceil({N}/{B}) = {epochs} x {math.ceil(N / B)} = {iterations} iterations")
