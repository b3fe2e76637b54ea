import matplotlib.pyplot as plt
import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w_grid = torch.linspace(-2, 6, 161)
mse_grid = ((w_grid[:, None] * x - y) ** 2).mean(dim=1)

fig, axes = plt.subplots(1, 3, figsize=(10, 3.2), sharex=True, sharey=True)
for ax, (lr, name, colour) in zip(axes, [(0.01, "too small", "tab:blue"), (0.05, "about right", "tab:green"),
                                         (0.25, "too large", "tab:red")]):
    w, path = 1.0, [1.0]
    for _ in range(5):
        w -= lr * (2 * x * (w * x - y)).mean().item()
        path.append(w)
    path = torch.tensor(path)
    ax.plot(w_grid, mse_grid, color="lightgrey", label="MSE(w)")
    ax.plot(path, ((path[:, None] * x - y) ** 2).mean(dim=1), "o-", color=colour, label="5 steps from w = 1")
    ax.set_title(f"lr = {lr} ({name})")
    ax.set_xlabel("w")
    ax.legend(fontsize=7, loc="upper center")
axes[0].set_ylabel("MSE")
axes[0].set_ylim(0, 90)
fig.tight_layout()
plt.show()
