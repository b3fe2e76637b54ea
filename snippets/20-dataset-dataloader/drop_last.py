import torch
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(torch.arange(10))
g = torch.Generator().manual_seed(0)

for drop_last in (False, True):
    loader = DataLoader(dataset, batch_size=4, shuffle=True, drop_last=drop_last, generator=g)
    print(f"drop_last={drop_last}: {len(loader)} batches per epoch")
    for epoch in range(2):
        batches = [batch.tolist() for (batch,) in loader]
        seen = sorted(i for batch in batches for i in batch)
        missing = sorted(set(range(10)) - set(seen))
        print(f"  epoch {epoch}: {batches}  not seen: {missing}")
