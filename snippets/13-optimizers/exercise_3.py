import torch
from torch import optim

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w1 = torch.ones(1, requires_grad=True)
w2 = torch.ones(1, requires_grad=True)
b = torch.ones(1, requires_grad=True)
optimizer = optim.LBFGS([w1, w2, b], lr=1, line_search_fn="strong_wolfe")

def closure():
    optimizer.zero_grad()
    loss = ((w1 * x**2 + w2 * x + b - y) ** 2).mean()
    loss.backward()
    return loss

for step in range(3):
    loss = optimizer.step(closure)
    print(f"step {step}  loss at start = {loss.item():.2e}  "
          f"w1 = {w1.item():.4f}  w2 = {w2.item():.4f}  b = {b.item():.4f}")

assert abs(w1.item()) < 1e-2 and abs(w2.item() - 2) < 1e-2 and abs(b.item()) < 1e-2
