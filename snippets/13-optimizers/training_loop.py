import torch
from torch import nn, optim

torch.manual_seed(0)
x = torch.linspace(0, 2, 50)
y = 2 * x + 1 + 0.1 * torch.randn(50)

w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
loss_fn = nn.MSELoss()
optimizer = optim.SGD([w, b], lr=0.1)

for epoch in range(201):
    loss = loss_fn(w * x + b, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if epoch % 40 == 0:
        print(f"epoch {epoch:3d}  loss = {loss.item():.4f}  w = {w.item():.4f}  b = {b.item():.4f}")
