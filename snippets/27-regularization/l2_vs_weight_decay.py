import torch
from torch import nn

torch.manual_seed(0)
x, y = torch.randn(32, 4), torch.randn(32, 1)
lam = 0.1
model_l2 = nn.Linear(4, 1)
model_wd = nn.Linear(4, 1)
model_wd.load_state_dict(model_l2.state_dict())
opt_l2 = torch.optim.SGD(model_l2.parameters(), lr=0.1)
opt_wd = torch.optim.SGD(model_wd.parameters(), lr=0.1, weight_decay=lam)

for _ in range(5):
    # zh: 做法一：把 L2 惩罚 λ/2·‖w‖² 直接加进损失（weight_decay 也作用于偏置，所以这里也算上偏置）
    # en: way 1: add the L2 penalty λ/2·‖w‖² to the loss (weight_decay also covers the bias, so include it)
    penalty = sum(p.pow(2).sum() for p in model_l2.parameters())
    loss = nn.functional.mse_loss(model_l2(x), y) + lam / 2 * penalty
    opt_l2.zero_grad()
    loss.backward()
    opt_l2.step()
    # zh: 做法二：损失里不加惩罚，交给 SGD 的 weight_decay=λ
    # en: way 2: no penalty in the loss; SGD's weight_decay=λ does it
    loss = nn.functional.mse_loss(model_wd(x), y)
    opt_wd.zero_grad()
    loss.backward()
    opt_wd.step()

print("weight (L2 in loss):  ", model_l2.weight.data)
print("weight (weight_decay):", model_wd.weight.data)
same = all(torch.allclose(p, q) for p, q in zip(model_l2.parameters(), model_wd.parameters(), strict=True))
print("same parameters after 5 steps:", same)
assert same
