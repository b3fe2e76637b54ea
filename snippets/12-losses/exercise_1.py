import torch
from torch import nn

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])

grads = {}
for reduction in ("mean", "sum"):
    w = torch.tensor(1.0, requires_grad=True)
    loss = nn.MSELoss(reduction=reduction)(w * x, y)
    loss.backward()
    grads[reduction] = w.grad.item()
    print(f"reduction={reduction!r}: loss = {loss.item():.4f}  w.grad = {w.grad.item():.4f}")

print(f"ratio sum / mean: {grads['sum'] / grads['mean']:.4f}")
assert abs(grads["sum"] / grads["mean"] - len(x)) < 1e-5
