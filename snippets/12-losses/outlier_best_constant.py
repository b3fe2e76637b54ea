import torch
from torch import nn

# zh: 五个观测值，最后一个是离群点
# en: five observations; the last one is an outlier
data = torch.tensor([1.0, 2.0, 3.0, 4.0, 50.0])
# zh: 用一个常数 c 去拟合它们：在网格上穷举 c，找出让损失最小的那个
# en: fit them with one constant c: sweep c over a grid and keep the best one
c = torch.linspace(0, 15, 1501)
prediction = c.unsqueeze(1).expand(-1, len(data))
target = data.expand(len(c), -1)

for name, loss_fn in [("MSE", nn.MSELoss(reduction="none")),
                      ("L1", nn.L1Loss(reduction="none")),
                      ("Huber", nn.HuberLoss(reduction="none"))]:
    loss_per_c = loss_fn(prediction, target).mean(dim=1)
    best = c[loss_per_c.argmin()]
    print(f"best c under {name:5}: {best.item():.2f}")

print("mean:", data.mean().item(), " median:", data.median().item())
