import torch
from torch import nn, optim

torch.manual_seed(0)
x = torch.linspace(0, 2, 50)
y = 2 * x + 1 + 0.1 * torch.randn(50)
loss_fn = nn.MSELoss()

final = {}
for lr in (0.001, 0.01, 0.1, 1.0):
    w = torch.zeros(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizer = optim.Adam([w, b], lr=lr)
    for epoch in range(200):
        loss = loss_fn(w * x + b, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        final[lr] = loss_fn(w * x + b, y).item()
    print(f"Adam lr = {lr:<5}  w = {w.item():.4f}  b = {b.item():.4f}  final loss = {final[lr]:.6f}")

assert final[0.1] < final[0.001]
