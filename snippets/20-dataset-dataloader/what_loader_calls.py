import torch
from torch.utils.data import DataLoader, Dataset


class Squares(Dataset):
    def __len__(self):
        return 10

    def __getitem__(self, index):
        # zh: 打印一行，看看 DataLoader 何时来取样本
        # en: print a line to see when the DataLoader asks for a sample
        print(f"  __getitem__({index})")
        return torch.tensor([float(index)]), torch.tensor([float(index**2)])


loader = DataLoader(Squares(), batch_size=4)
for x, y in loader:
    # zh: 4 个样本被堆叠成一个批量：形状 (4, 1)
    # en: 4 samples stacked into one batch: shape (4, 1)
    print("batch x:", x.flatten().tolist(), " y:", y.flatten().tolist(), " x.shape:", tuple(x.shape))
