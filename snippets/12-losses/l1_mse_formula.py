import torch
import torch.nn.functional as F
from torch import nn

y_pred = torch.tensor([2.5, 0.0, 2.0, 8.0])
y_true = torch.tensor([3.0, -0.5, 2.0, 7.0])

# zh: 按公式计算：平均绝对误差与均方误差
# en: by formula: mean absolute error and mean squared error
l1_by_formula = (y_pred - y_true).abs().mean()
mse_by_formula = ((y_pred - y_true) ** 2).mean()

# zh: nn 中的损失函数是模块：先创建，再像函数一样调用
# en: the losses in nn are modules: create one, then call it like a function
l1_fn = nn.L1Loss()
mse_fn = nn.MSELoss()
l1 = l1_fn(y_pred, y_true)
mse = mse_fn(y_pred, y_true)

print("L1  by formula:", l1_by_formula.item(), " nn.L1Loss: ", l1.item())
print("MSE by formula:", mse_by_formula.item(), " nn.MSELoss:", mse.item())
torch.testing.assert_close(l1, l1_by_formula)
torch.testing.assert_close(mse, mse_by_formula)

# zh: torch.nn.functional 里有同样的函数形式
# en: torch.nn.functional has the same losses as plain functions
print("F.l1_loss:", F.l1_loss(y_pred, y_true).item(), " F.mse_loss:", F.mse_loss(y_pred, y_true).item())
