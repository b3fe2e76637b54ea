import warnings

import torch
from torch import nn

y_pred = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
y_good = torch.tensor([[1.5], [2.0], [2.5], [4.0]])
# zh: 同样的目标值，但形状是 (4,) 而不是 (4, 1)
# en: the same targets, but shaped (4,) instead of (4, 1)
y_flat = y_good.reshape(-1)

# zh: (4, 1) 减 (4,) 会广播成 (4, 4)：每个预测和每个目标两两相减
# en: (4, 1) minus (4,) broadcasts to (4, 4): every prediction against every target
print("(y_pred - y_good).shape:", (y_pred - y_good).shape)
print("(y_pred - y_flat).shape:", (y_pred - y_flat).shape)

loss_fn = nn.MSELoss()
print("loss with (4, 1) target:", loss_fn(y_pred, y_good).item())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("loss with (4,) target:", loss_fn(y_pred, y_flat).item())
print("UserWarning:", caught[0].message)
