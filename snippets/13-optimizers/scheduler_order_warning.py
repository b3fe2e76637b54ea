import warnings

import torch
from torch import optim

w = torch.zeros(1, requires_grad=True)
optimizer = optim.SGD([w], lr=0.1)
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.5)

# zh: 错误的顺序：在 optimizer.step() 之前调用 scheduler.step()
# en: wrong order: scheduler.step() before optimizer.step()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    scheduler.step()
    w.sum().backward()
    optimizer.step()
print("UserWarning:", caught[0].message)
