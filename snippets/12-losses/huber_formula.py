import torch
from torch import nn

y_pred = torch.tensor([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0])
y_true = torch.zeros(7)
error = y_pred - y_true
delta = 2.0

# zh: 误差小时是平方，误差大时是直线
# en: squared for small errors, linear for large ones
huber_by_formula = torch.where(
    error.abs() <= delta,
    0.5 * error**2,
    delta * (error.abs() - 0.5 * delta),
)
huber = nn.HuberLoss(delta=delta, reduction="none")(y_pred, y_true)

print("error:     ", error)
print("by formula:", huber_by_formula)
print("HuberLoss: ", huber)
torch.testing.assert_close(huber, huber_by_formula)
