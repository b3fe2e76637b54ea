import matplotlib.pyplot as plt
import torch
from torch import nn, optim

torch.manual_seed(0)
x = torch.linspace(0, 2, 50)
y = 2 * x + 1 + 0.1 * torch.randn(50)
loss_fn = nn.MSELoss()

optimizers = {
    "SGD": lambda params: optim.SGD(params, lr=0.1),
    "SGD momentum": lambda params: optim.SGD(params, lr=0.1, momentum=0.9),
    "Adagrad": lambda params: optim.Adagrad(params, lr=0.5),
    "Adam": lambda params: optim.Adam(params, lr=0.1),
    "AdamW": lambda params: optim.AdamW(params, lr=0.1),
    "Adamax": lambda params: optim.Adamax(params, lr=0.1),
    "ASGD": lambda params: optim.ASGD(params, lr=0.1),
    "RMSprop": lambda params: optim.RMSprop(params, lr=0.01),
    "Rprop": lambda params: optim.Rprop(params, lr=0.01),
    "LBFGS": lambda params: optim.LBFGS(params, lr=1, line_search_fn="strong_wolfe"),
}

fig, axes = plt.subplots(2, 5, figsize=(11, 4.5), sharex=True, sharey=True)
print(f"{'optimizer':13} {'w':>7} {'b':>7} {'loss':>9} {'evals':>6}")
for ax, (name, make_optimizer) in zip(axes.flat, optimizers.items()):
    w = torch.zeros(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    optimizer = make_optimizer([w, b])
    evaluated = []

    def closure():
        optimizer.zero_grad()
        loss = loss_fn(w * x + b, y)
        loss.backward()
        evaluated.append(loss.item())
        return loss

    # zh: 每个优化器的 step 都接受 closure，返回本步开始时的损失
    # en: every optimizer's step accepts a closure and returns the loss at the start of the step
    losses = [optimizer.step(closure).item() for step in range(100)]
    with torch.no_grad():
        final_loss = loss_fn(w * x + b, y).item()
    print(f"{name:13} {w.item():7.4f} {b.item():7.4f} {final_loss:9.6f} {len(evaluated):6d}")
    ax.plot(losses)
    ax.set_title(name, fontsize=10)

features = torch.stack([x, torch.ones_like(x)], dim=1)
w_best, b_best = torch.linalg.lstsq(features, y.unsqueeze(1)).solution.squeeze().tolist()
with torch.no_grad():
    best_loss = loss_fn(w_best * x + b_best, y).item()
print(f"{'least squares':13} {w_best:7.4f} {b_best:7.4f} {best_loss:9.6f}")

for ax in axes.flat:
    ax.axhline(best_loss, color="grey", linestyle="--", linewidth=1)
    ax.set_yscale("log")
for ax in axes[1]:
    ax.set_xlabel("step")
for ax in axes[:, 0]:
    ax.set_ylabel("MSE loss")
fig.suptitle("Fitting y = 2x + 1: loss per step (dashed: least-squares minimum)")
fig.tight_layout()
plt.show()
