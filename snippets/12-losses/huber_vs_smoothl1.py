import torch
from torch import nn

y_pred = torch.tensor([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0])
y_true = torch.zeros(7)

for delta in (0.5, 1.0, 2.0):
    huber = nn.HuberLoss(delta=delta, reduction="none")(y_pred, y_true)
    smooth_l1 = nn.SmoothL1Loss(beta=delta, reduction="none")(y_pred, y_true)
    print(f"delta = beta = {delta}")
    print("  HuberLoss:   ", huber)
    print("  SmoothL1Loss:", smooth_l1)
    # zh: 两者只差一个系数：Huber(delta) = delta * SmoothL1(beta=delta)
    # en: they differ by a factor only: Huber(delta) = delta * SmoothL1(beta=delta)
    torch.testing.assert_close(huber, delta * smooth_l1)
