import warnings

import torch
from torch import nn

# zh: 预测值的形状像模型输出那样是 (3, 1)，目标值是 (3,)
# en: the predictions have shape (3, 1), like a model's output; the targets have shape (3,)
y_pred = torch.tensor([[2.0], [4.0], [6.0]])
y_true = torch.tensor([2.0, 4.0, 6.0])
loss_fn = nn.MSELoss()

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    wrong = loss_fn(y_pred, y_true)
print("UserWarning:", caught[0].message)
# zh: 两个形状被广播成 (3, 3)，比较了每一对预测和目标
# en: the shapes broadcast to (3, 3): every prediction is compared with every target
print("loss with shapes (3, 1) and (3,):", wrong.item())
print("loss with matching shapes:       ", loss_fn(y_pred.squeeze(1), y_true).item())
