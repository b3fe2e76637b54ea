import torch

torch.manual_seed(0)
data = torch.randn(10, 4)

# zh: 给一个列表：按列表里的大小依次切，比如训练/验证/测试 7/2/1 行
# en: a list: cut pieces of those sizes in turn, e.g. 7/2/1 rows for train/val/test
train, val, test = data.split([7, 2, 1], dim=0)
print("train:", tuple(train.shape), "val:", tuple(val.shape), "test:", tuple(test.shape))
print("cat gives data back:", torch.equal(torch.cat([train, val, test]), data))

# zh: 大小之和必须正好等于该维的长度
# en: the sizes must add up to exactly the length of that dim
try:
    data.split([7, 2], dim=0)
except RuntimeError as err:
    print("RuntimeError:", err)
