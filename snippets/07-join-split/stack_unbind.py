import torch

torch.manual_seed(0)

# zh: 四个样本，每个有 3 个特征：stack 把它们叠成一个批量
# en: four samples of 3 features each: stack turns them into one batch
samples = [torch.randn(3) for _ in range(4)]
x = torch.stack(samples)
print("x.shape:", x.shape)
print("x[2] equals samples[2]:", torch.equal(x[2], samples[2]))

# zh: unbind 是 stack 的逆操作：沿一个维度拆开并去掉该维
# en: unbind undoes stack: it splits along a dim and removes that dim
rows = x.unbind(dim=0)
print("len(rows):", len(rows), "rows[0].shape:", rows[0].shape)
cols = x.unbind(dim=1)
print("len(cols):", len(cols), "cols[0].shape:", cols[0].shape)
print("round trip:", torch.equal(torch.stack(rows), x))
