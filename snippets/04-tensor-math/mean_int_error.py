import torch

counts = torch.tensor([1, 2, 3, 4])
# zh: 均值一般不是整数，所以整数张量的 mean 会报错
# en: a mean is rarely an integer, so mean on an integer tensor is an error
try:
    counts.mean()
except RuntimeError as err:
    print("RuntimeError:", err)

print("counts.float().mean():", counts.float().mean())
# zh: sum、max 没有这个问题，结果保持整数
# en: sum and max have no such problem and stay integers
print("counts.sum():", counts.sum(), " counts.max():", counts.max())
