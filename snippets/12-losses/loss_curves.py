import matplotlib.pyplot as plt
import torch
from torch import nn

error = torch.linspace(-4, 4, 401, requires_grad=True)
target = torch.zeros(401)
loss_fns = {
    "L1": nn.L1Loss(reduction="none"),
    "MSE": nn.MSELoss(reduction="none"),
    "Huber (delta=2)": nn.HuberLoss(delta=2.0, reduction="none"),
    "SmoothL1 (beta=2)": nn.SmoothL1Loss(beta=2.0, reduction="none"),
}

fig, (ax_loss, ax_grad) = plt.subplots(1, 2, figsize=(10, 4))
for name, loss_fn in loss_fns.items():
    loss = loss_fn(error, target)
    # zh: 每个点的损失只依赖它自己的误差，所以对总和求导就得到每个点的导数
    # en: each loss depends on its own error only, so the gradient of the sum is each point's derivative
    (grad,) = torch.autograd.grad(loss.sum(), error)
    ax_loss.plot(error.detach(), loss.detach(), label=name)
    ax_grad.plot(error.detach(), grad, label=name)

ax_loss.set(title="Loss vs error", xlabel="error (prediction - target)", ylabel="loss", ylim=(0, 8))
ax_grad.set(title="Derivative of the loss", xlabel="error (prediction - target)",
            ylabel="d loss / d prediction", ylim=(-4.5, 4.5))
for ax in (ax_loss, ax_grad):
    ax.grid(alpha=0.3)
    ax.legend()
fig.tight_layout()
plt.show()
