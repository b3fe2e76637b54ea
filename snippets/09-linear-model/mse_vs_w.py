import matplotlib.pyplot as plt
import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])

w = torch.linspace(0, 4, 81)
mse = ((w[:, None] * x - y) ** 2).mean(dim=1)
best = mse.argmin()
print(f"best w on the grid: {w[best].item():.2f}  MSE: {mse[best].item():.4f}")

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(w, mse, color="tab:blue", label="MSE(w)")
ax.scatter(w[best], mse[best], color="tab:red", zorder=3, label=f"minimum at w = {w[best].item():.1f}")
ax.set_title("y = w * x on (1, 2), (2, 4), (3, 6)")
ax.set_xlabel("w")
ax.set_ylabel("MSE")
ax.legend()
plt.show()
