import torch

torch.manual_seed(0)
x = 3 * torch.rand(60)
y = 2 * x + 0.5 * torch.randn(60)
lr = 0.02

# zh: 批量梯度下降
# en: batch gradient descent
w_gd = 0.0
for _ in range(5):
    w_gd -= lr * (2 * x * (w_gd * x - y)).mean().item()

# zh: 小批量循环，批量大小取全部 60 个样本
# en: the mini-batch loop with a batch size of all 60 samples
w_mb, batch_size = 0.0, 60
for _ in range(5):
    perm = torch.randperm(len(x))
    for start in range(0, len(x), batch_size):
        idx = perm[start:start + batch_size]
        w_mb -= lr * (2 * x[idx] * (w_mb * x[idx] - y[idx])).mean().item()

print(f"batch GD: w = {w_gd:.6f}   mini-batch with batch_size = 60: w = {w_mb:.6f}")
assert abs(w_gd - w_mb) < 1e-5
