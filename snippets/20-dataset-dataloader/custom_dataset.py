import torch
from sklearn.datasets import load_breast_cancer
from torch.utils.data import Dataset


class BreastCancerDataset(Dataset):
    def __init__(self):
        # zh: 一次性读入全部数据，转成 float32 张量
        # en: load all the data once, as float32 tensors
        X, y = load_breast_cancer(return_X_y=True)
        self.X = torch.tensor(X, dtype=torch.float32)
        self.y = torch.tensor(y, dtype=torch.float32).reshape(-1, 1)

    def __len__(self):
        # zh: 样本总数
        # en: the number of samples
        return len(self.X)

    def __getitem__(self, index):
        # zh: 第 index 个样本：（特征，标签）
        # en: sample number index: (features, label)
        return self.X[index], self.y[index]


dataset = BreastCancerDataset()
print("len(dataset):", len(dataset))
x, y = dataset[0]
print("dataset[0]: x", x.shape, x.dtype, " y", y)
print("dataset[568] label:", dataset[568][1])
