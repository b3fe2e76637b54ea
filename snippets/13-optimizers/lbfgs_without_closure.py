import torch
from torch import optim

w = torch.zeros(1, requires_grad=True)
optimizer = optim.LBFGS([w])
(w - 3).pow(2).sum().backward()

try:
    optimizer.step()
except TypeError as err:
    print("TypeError:", err)
