import matplotlib.pyplot as plt
import torch
from torch import nn

inits = {
    "default": lambda w: None,
    "Xavier": nn.init.xavier_normal_,
    "He": lambda w: nn.init.kaiming_normal_(w, nonlinearity="relu"),
}
depth, width = 30, 256
fig, axes = plt.subplots(1, 2, figsize=(6, 3.5), sharey=True)
for ax, (act_name, act) in zip(axes, [("tanh", torch.tanh), ("ReLU", torch.relu)], strict=True):
    for init_name, init_fn in inits.items():
        torch.manual_seed(0)
        layers = [nn.Linear(width, width, bias=False) for _ in range(depth)]
        for layer in layers:
            init_fn(layer.weight)
        h = torch.randn(512, width)
        outputs = []
        for layer in layers:
            z = layer(h)
            # zh: 保留中间结果的梯度，反向传播后就能读 z.grad
            # en: keep the gradient of this intermediate result, to read z.grad after backward
            z.retain_grad()
            outputs.append(z)
            h = act(z)
        # zh: 从顶层传回一个标准差为 1 的梯度
        # en: send a gradient of std 1 back from the top
        h.backward(torch.randn_like(h))
        stds = [z.grad.std().item() for z in outputs]
        kept = 0.1 < stds[0] / stds[-1] < 10
        print(f"{act_name:<4} {init_name:<7} gradient std at layer 30 / 20 / 1: "
              f"{stds[-1]:.1e} / {stds[19]:.1e} / {stds[0]:.1e} | within 10x: {kept}")
        ax.semilogy(range(1, depth + 1), stds, label=init_name)
    ax.set(title=f"{act_name} stack", xlabel="layer")
axes[0].set_ylabel("gradient std (log scale)")
axes[0].legend()
fig.suptitle("Backward pass: std of the gradient w.r.t. each layer's output")
fig.tight_layout()
plt.show()
