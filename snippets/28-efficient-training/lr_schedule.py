import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, OneCycleLR, SequentialLR

total_steps, warmup_steps, peak_lr = 300, 30, 1e-2


def warmup_cosine(optimizer):
    # zh: 前 30 步从 1% 线性升到峰值，之后 270 步按余弦降到 0
    # en: 30 steps rising linearly from 1% to the peak, then 270 steps of cosine decay to 0
    warmup = LinearLR(optimizer, start_factor=0.01, total_iters=warmup_steps)
    cosine = CosineAnnealingLR(optimizer, T_max=total_steps - warmup_steps)
    return SequentialLR(optimizer, [warmup, cosine], milestones=[warmup_steps])


def one_cycle(optimizer):
    return OneCycleLR(optimizer, max_lr=peak_lr, total_steps=total_steps)


fig, ax = plt.subplots(figsize=(6, 4))
for name, make_scheduler in [("warm-up + cosine", warmup_cosine), ("OneCycleLR", one_cycle)]:
    optimizer = torch.optim.AdamW(nn.Linear(2, 1).parameters(), lr=peak_lr)
    scheduler = make_scheduler(optimizer)
    lrs, beta1s = [], []
    for _ in range(total_steps):
        # zh: 记下这一步 optimizer.step() 用的学习率和 betas[0]（真实的循环在这之前先算损失、反向传播）
        # en: record the lr and betas[0] this step's optimizer.step() uses (a real loop runs forward and backward first)
        lrs.append(optimizer.param_groups[0]["lr"])
        beta1s.append(optimizer.param_groups[0]["betas"][0])
        optimizer.step()
        scheduler.step()
    peak = lrs.index(max(lrs))
    print(f"{name:<16} step 0: {lrs[0]:.1e}  step 30: {lrs[30]:.1e}  peak at step {peak}  last step: {lrs[-1]:.1e}")
    print(f"{'':<16} betas[0] at step 0, at the peak, at the last step: {beta1s[0]}, {beta1s[peak]}, {beta1s[-1]}")
    ax.plot(lrs, label=name)
ax.set(title="Learning rate per step", xlabel="step (mini-batch)", ylabel="learning rate")
ax.legend()
plt.show()
