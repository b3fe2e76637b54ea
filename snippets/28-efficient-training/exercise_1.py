import torch
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR

epochs, steps_per_epoch = 10, 45
for where in ("per step", "per epoch"):
    optimizer = torch.optim.AdamW(nn.Linear(2, 1).parameters(), lr=1e-2)
    # zh: T_max 按步数算：整个训练共 450 步
    # en: T_max counts steps: 450 steps in the whole run
    scheduler = CosineAnnealingLR(optimizer, T_max=epochs * steps_per_epoch)
    lrs = []
    for _epoch in range(epochs):
        for _step in range(steps_per_epoch):
            lrs.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            if where == "per step":
                scheduler.step()
        if where == "per epoch":
            scheduler.step()
    print(f"{where:<9}  first lr: {lrs[0]:.2e}  last lr: {lrs[-1]:.2e}  mean lr: {sum(lrs) / len(lrs):.2e}")
