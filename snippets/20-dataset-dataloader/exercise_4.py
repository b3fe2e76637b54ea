import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset, random_split


class Transformed(Dataset):
    """Wraps a dataset and applies a function to the features of every sample."""

    def __init__(self, base, transform):
        self.base, self.transform = base, transform

    def __len__(self):
        return len(self.base)

    def __getitem__(self, index):
        x, y = self.base[index]
        return self.transform(x), y


torch.manual_seed(0)
torch.set_printoptions(precision=3, sci_mode=False)
X = torch.randn(500, 4) * torch.tensor([1.0, 10.0, 100.0, 1000.0]) + 50
y = torch.randint(0, 2, (500, 1)).float()
train_part, test_part = random_split(TensorDataset(X, y), [0.8, 0.2], generator=torch.Generator().manual_seed(0))

# zh: 统计量只用训练部分计算，再同时用于两部分
# en: compute the statistics on the training part only, then use them for both parts
train_x = torch.stack([x for x, _ in train_part])
mean, std = train_x.mean(dim=0), train_x.std(dim=0)
train_set = Transformed(train_part, lambda x: (x - mean) / std)
test_set = Transformed(test_part, lambda x: (x - mean) / std)

xb, _ = next(iter(DataLoader(train_set, batch_size=len(train_set))))
print("train column means:", xb.mean(dim=0))
print("train column stds: ", xb.std(dim=0))
xt, _ = next(iter(DataLoader(test_set, batch_size=len(test_set))))
print("test column stds:  ", xt.std(dim=0))
torch.testing.assert_close(xb.std(dim=0), torch.ones(4))

# zh: 恢复默认的打印格式：笔记本的所有单元格共用一个内核，不恢复的话，后面单元格的输出也会跟着变
# en: restore the default print format: notebook cells share one kernel, so later outputs would change too
torch.set_printoptions(profile="default")
