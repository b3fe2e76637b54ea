import matplotlib.pyplot as plt
import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])

fig, ax = plt.subplots(figsize=(6, 4))
for lr, name, colour in [(0.01, "too small", "tab:blue"), (0.05, "about right", "tab:green"),
                         (0.25, "too large", "tab:red")]:
    w, costs = 1.0, []
    for _ in range(20):
        costs.append(((w * x - y) ** 2).mean().item())
        w -= lr * (2 * x * (w * x - y)).mean().item()
    print(f"lr = {lr:4}: w after 20 epochs = {w:10.4f}  cost = {costs[-1]:.3e}")
    ax.plot(costs, marker=".", color=colour, label=f"lr = {lr} ({name})")
ax.set_yscale("log")
ax.set_title("Batch GD on y = w * x with three learning rates")
ax.set_xlabel("epoch")
ax.set_ylabel("cost (log scale)")
ax.legend()
plt.show()
