import pickle

import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset, random_split


# zh: 包装一个数据集，对每个样本的特征调用 transform
# en: wraps a dataset and applies transform to the features of every sample
class Transformed(Dataset):
    def __init__(self, base, transform):
        self.base, self.transform = base, transform

    def __len__(self):
        return len(self.base)

    def __getitem__(self, index):
        x, y = self.base[index]
        return self.transform(x), y


# zh: 变换写成模块顶层的类，不用 lambda：它的实例可以 pickle，用 spawn 或 forkserver 启动的工作进程才收得到
# en: the transform is a top-level class, not a lambda: its instances pickle, which workers started by spawn or forkserver need
class Standardize:
    def __init__(self, mean, std):
        self.mean, self.std = mean, std

    def __call__(self, x):
        return (x - self.mean) / self.std


torch.manual_seed(0)
torch.set_printoptions(precision=3, sci_mode=False)
X = torch.randn(500, 4) * torch.tensor([1.0, 10.0, 100.0, 1000.0]) + 50
y = torch.randint(0, 2, (500, 1)).float()
train_part, test_part = random_split(TensorDataset(X, y), [0.8, 0.2], generator=torch.Generator().manual_seed(0))

# zh: 统计量只用训练部分计算，再同时用于两部分
# en: compute the statistics on the training part only, then use them for both parts
train_x = torch.stack([x for x, _ in train_part])
standardize = Standardize(train_x.mean(dim=0), train_x.std(dim=0))
train_set, test_set = Transformed(train_part, standardize), Transformed(test_part, standardize)

xb, _ = next(iter(DataLoader(train_set, batch_size=len(train_set))))
print("train column means:", xb.mean(dim=0))
print("train column stds: ", xb.std(dim=0))
xt, _ = next(iter(DataLoader(test_set, batch_size=len(test_set))))
print("test column stds:  ", xt.std(dim=0))
torch.testing.assert_close(xb.std(dim=0), torch.ones(4))

# zh: 这两种启动方式把数据集 pickle 后发给工作进程：带 lambda 的数据集发不出去
# en: those two start methods send the dataset to the workers pickled: one holding a lambda cannot be sent
try:
    pickle.dumps(Transformed(train_part, lambda x: (x - standardize.mean) / standardize.std))
except pickle.PicklingError as err:
    print("with a lambda:     ", type(err).__name__)
restored = pickle.loads(pickle.dumps(train_set))
print("with Standardize:  ", "pickled and restored, same sample:", torch.equal(restored[0][0], train_set[0][0]))

# zh: 恢复默认的打印格式：笔记本的所有单元格共用一个内核，不恢复的话，后面单元格的输出也会跟着变
# en: restore the default print format: notebook cells share one kernel, so later outputs would change too
torch.set_printoptions(profile="default")
