import torch
from sklearn.datasets import load_breast_cancer
from torch.utils.data import DataLoader, Dataset


class BreastCancerDataset(Dataset):
    def __init__(self):
        X, y = load_breast_cancer(return_X_y=True)
        self.X = torch.tensor(X, dtype=torch.float32)
        self.y = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)

    def __len__(self):
        return len(self.X)

    def __getitem__(self, index):
        return self.X[index], self.y[index]


dataset = BreastCancerDataset()
loader = DataLoader(dataset, batch_size=32)

xb, yb = next(iter(loader))
print("first batch: x", tuple(xb.shape), " y", tuple(yb.shape))
print("batches per epoch:", len(loader))

sizes = [len(xb) for xb, yb in loader]
print("batch sizes:", sizes)
# zh: 569 = 17 × 32 + 25：最后一批只有 25 个样本
# en: 569 = 17 × 32 + 25: the last batch holds only 25 samples
print("sum of batch sizes:", sum(sizes))
