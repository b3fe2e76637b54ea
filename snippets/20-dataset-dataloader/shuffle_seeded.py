import torch
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.arange(10))


def epoch_orders(seed, epochs=2):
    loader = DataLoader(dataset, batch_size=10, shuffle=True, generator=torch.Generator().manual_seed(seed))
    return [next(iter(loader))[0].tolist() for _ in range(epochs)]


first_run = epoch_orders(seed=0)
second_run = epoch_orders(seed=0)
other_seed = epoch_orders(seed=1)
# zh: 同一个 DataLoader，每轮的顺序都不同
# en: one DataLoader gives a different order every epoch
print("seed 0, epoch 0:", first_run[0])
print("seed 0, epoch 1:", first_run[1])
# zh: 同样的种子从头再来，顺序完全一样
# en: starting again with the same seed repeats the orders exactly
print("seed 0 again, epoch 0:", second_run[0])
print("seed 0 again, epoch 1:", second_run[1])
print("seed 1, epoch 0:", other_seed[0])
assert first_run[0] != first_run[1]
assert first_run == second_run
