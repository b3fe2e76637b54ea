import torch
from torch import nn

delta = 1.0
huber_fn = nn.HuberLoss(delta=delta)

# zh: 所有误差都小于 delta：Huber 等于 MSE 的一半
# en: every error below delta: Huber equals half the MSE
y_pred = torch.tensor([0.1, -0.4, 0.9])
y_true = torch.zeros(3)
small = huber_fn(y_pred, y_true)
half_mse = 0.5 * nn.MSELoss()(y_pred, y_true)
print(f"small errors: Huber = {small.item():.4f}  0.5 * MSE = {half_mse.item():.4f}")
torch.testing.assert_close(small, half_mse)

# zh: 所有误差都大于 delta：Huber 等于 delta * (L1 - delta / 2)
# en: every error above delta: Huber equals delta * (L1 - delta / 2)
y_pred = torch.tensor([3.0, -5.0, 10.0])
large = huber_fn(y_pred, y_true)
shifted_l1 = delta * (nn.L1Loss()(y_pred, y_true) - delta / 2)
print(f"large errors: Huber = {large.item():.4f}  delta * (L1 - delta/2) = {shifted_l1.item():.4f}")
torch.testing.assert_close(large, shifted_l1)
