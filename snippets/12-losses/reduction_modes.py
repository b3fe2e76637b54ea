import inspect

import torch
from torch import nn

y_pred = torch.tensor([2.5, 0.0, 2.0, 8.0])
y_true = torch.tensor([3.0, -0.5, 2.0, 7.0])

for reduction in ("none", "sum", "mean"):
    loss_fn = nn.MSELoss(reduction=reduction)
    print(f"reduction={reduction!r:7} ->", loss_fn(y_pred, y_true))

# zh: 'none' 给出逐元素损失，'sum' 和 'mean' 只是对它求和或求平均
# en: 'none' gives the per-element losses; 'sum' and 'mean' add or average them
per_element = nn.MSELoss(reduction="none")(y_pred, y_true)
torch.testing.assert_close(per_element.sum(), nn.MSELoss(reduction="sum")(y_pred, y_true))
torch.testing.assert_close(per_element.mean(), nn.MSELoss()(y_pred, y_true))

# zh: torch.nn 里哪些损失模块没有 reduction 参数
# en: which loss modules in torch.nn take no reduction argument
losses = [name for name in dir(nn) if name.endswith("Loss")]
print("no reduction:", [name for name in losses if "reduction" not in inspect.signature(getattr(nn, name)).parameters])
