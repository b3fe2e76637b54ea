import torch

x = torch.tensor([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])

# zh: 默认 correction=1，分母是 N - 1（样本方差）
# en: the default correction=1 divides by N - 1 (sample variance)
print("x.var():", x.var(), " x.std():", x.std())

# zh: correction=0 分母是 N（总体方差）
# en: correction=0 divides by N (population variance)
print("x.var(correction=0):", x.var(correction=0), " x.std(correction=0):", x.std(correction=0))

n = x.numel()
by_formula = ((x - x.mean()) ** 2).sum() / (n - 1)
print("by formula (N - 1):", by_formula)

m = torch.tensor([[1.0, 2.0], [3.0, 6.0]])
print("m.std(dim=0):", m.std(dim=0))
