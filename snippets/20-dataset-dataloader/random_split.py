import torch
from torch.utils.data import TensorDataset, random_split

dataset = TensorDataset(torch.arange(569))

# zh: 按比例划分；用带种子的生成器，划分可以复现
# en: split by fractions; a seeded generator makes the split reproducible
train_set, test_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
print("lengths:", len(train_set), len(test_set))
print("type:", type(train_set).__name__)
print("first test indices:", test_set.indices[:8])

# zh: 两部分不重叠，合起来正好是全部样本
# en: the two parts do not overlap and together cover every sample
train_idx, test_idx = set(train_set.indices), set(test_set.indices)
print("overlap:", len(train_idx & test_idx), " covered:", len(train_idx | test_idx))

again, _ = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
print("same seed, same split:", again.indices == train_set.indices)

# zh: 也可以直接给出样本数
# en: you can also give the counts directly
parts = random_split(dataset, [400, 100, 69], generator=torch.Generator().manual_seed(0))
print("counts:", [len(part) for part in parts])
