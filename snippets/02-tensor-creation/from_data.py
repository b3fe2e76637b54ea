import torch

# zh: 标量（0 维）、向量（1 维）、矩阵（2 维）
# en: a scalar (0-D), a vector (1-D), a matrix (2-D)
scalar = torch.tensor(3.5)
vector = torch.tensor([1, 2, 3])
matrix = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])

for name, t in [("scalar", scalar), ("vector", vector), ("matrix", matrix)]:
    print(f"{name}: ndim={t.ndim}, shape={tuple(t.shape)}, dtype={t.dtype}")
    print(t)
