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
        # zh: 不用偏置，只看权重的作用
        # en: no biases, so we watch the weights alone
        layers = [nn.Linear(width, width, bias=False) for _ in range(depth)]
        for layer in layers:
            init_fn(layer.weight)
        h = torch.randn(512, width)
        stds = []
        with torch.no_grad():
            for layer in layers:
                h = act(layer(h))
                stds.append(h.std().item())
        kept = 0.1 < stds[-1] / stds[0] < 10
        print(f"{act_name:<4} {init_name:<7} std after layer 1 / 10 / 30: "
              f"{stds[0]:.1e} / {stds[9]:.1e} / {stds[-1]:.1e} | within 10x: {kept}")
        ax.semilogy(range(1, depth + 1), stds, label=init_name)
    ax.set(title=f"{act_name} stack", xlabel="layer")
axes[0].set_ylabel("activation std (log scale)")
axes[0].legend()
fig.suptitle("Forward pass: activation std per layer")
fig.tight_layout()
plt.show()
