import torch
from torch import nn, optim

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([3.0, 5.0, 7.0])
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)

# zh: 参数组：w 和 b 用不同的学习率
# en: parameter groups: w and b get different learning rates
optimizer = optim.Adam([{"params": [w]}, {"params": [b], "lr": 0.01}], lr=0.1)
for group in optimizer.param_groups:
    print("group lr:", group["lr"], " betas:", group["betas"])

nn.MSELoss()(w * x + b, y).backward()
optimizer.step()

# zh: Adam 为每个参数记录了步数和两个滑动平均
# en: Adam keeps a step count and two running averages per parameter
print("state of w:", list(optimizer.state[w].keys()))
print("exp_avg of w:", optimizer.state[w]["exp_avg"])
print(f"after one step: w = {w.item():.4f}  b = {b.item():.4f}")
