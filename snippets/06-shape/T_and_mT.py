import warnings

import torch

m = torch.arange(6).reshape(2, 3)
print("m.T.shape:", m.T.shape)

# zh: .mT 只转置最后两维，适合一批矩阵
# en: .mT transposes only the last two dims, which suits a batch of matrices
batch = torch.zeros(5, 2, 3)
print("batch.mT.shape:", batch.mT.shape)
print("equals transpose(-2, -1):", torch.equal(batch.mT, batch.transpose(-2, -1)))

# zh: 一维张量没有“行”和“列”，.T 什么也不做，而且已被弃用
# en: a 1-D tensor has no rows or columns: .T does nothing and is deprecated
v = torch.arange(3)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        v.T
    except UserWarning as err:
        print("UserWarning:", str(err).split(" (Triggered")[0])

# zh: 想要列向量，就明确地加一维
# en: to get a column vector, add the dim explicitly
print("v.unsqueeze(1).shape:", v.unsqueeze(1).shape)
