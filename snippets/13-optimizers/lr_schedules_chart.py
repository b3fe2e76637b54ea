import matplotlib.pyplot as plt
import torch
from torch import optim

epochs = 30
schedulers = {
    "StepLR(step_size=10, gamma=0.5)": lambda opt: optim.lr_scheduler.StepLR(opt, step_size=10, gamma=0.5),
    "ExponentialLR(gamma=0.9)": lambda opt: optim.lr_scheduler.ExponentialLR(opt, gamma=0.9),
    "CosineAnnealingLR(T_max=30)": lambda opt: optim.lr_scheduler.CosineAnnealingLR(opt, T_max=epochs),
}

fig, ax = plt.subplots(figsize=(6, 4))
for name, make_scheduler in schedulers.items():
    w = torch.zeros(1, requires_grad=True)
    optimizer = optim.SGD([w], lr=0.1)
    scheduler = make_scheduler(optimizer)
    lrs = []
    for epoch in range(epochs):
        lrs.append(scheduler.get_last_lr()[0])
        # zh: 这里只看学习率：没有梯度，step() 不改变参数，但顺序照常
        # en: only the learning rate matters here: with no gradient step() changes nothing, but keep the order
        optimizer.step()
        scheduler.step()
    ax.plot(lrs, drawstyle="steps-post", label=name)

ax.set(title="Learning rate per epoch", xlabel="epoch", ylabel="learning rate", ylim=(0, 0.14))
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
plt.show()
