import torch
from torch import nn

torch.manual_seed(0)
x = 3 * torch.rand(60)
y = 2 * x + 0.5 * torch.randn(60)
loss_fn = nn.MSELoss()


# zh: 小批量梯度下降训练 y = w·x，返回最后在全部数据上的 MSE
# en: train y = w·x with mini-batch gradient descent; return the final MSE on all the data
def train(batch_size, lr, epochs=5):
    w = torch.tensor(0.0, requires_grad=True)
    # zh: 每次训练都用同样的打乱顺序，比较才公平
    # en: every run shuffles in the same order, so the comparison is fair
    generator = torch.Generator().manual_seed(1)
    for _ in range(epochs):
        perm = torch.randperm(len(x), generator=generator)
        for start in range(0, len(x), batch_size):
            idx = perm[start:start + batch_size]
            loss_fn(w * x[idx], y[idx]).backward()
            with torch.no_grad():
                w -= lr * w.grad
            w.grad = None
    with torch.no_grad():
        return loss_fn(w * x, y).item()


lrs = (0.01, 0.03, 0.1, 0.3)
best = {}
for batch_size in (1, 60):
    finals = [train(batch_size, lr) for lr in lrs]
    best[batch_size] = lrs[finals.index(min(finals))]
    print(f"batch size {batch_size:2d}: " + "  ".join(f"lr {lr}: {mse:.3g}" for lr, mse in zip(lrs, finals)))
    print(f"  best lr: {best[batch_size]}")
assert best[1] < best[60]
