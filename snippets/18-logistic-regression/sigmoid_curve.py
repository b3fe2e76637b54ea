import matplotlib.pyplot as plt
import torch

z = torch.linspace(-8, 8, 200)
p = torch.sigmoid(z)

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(z, p, color="tab:red", label="sigmoid(z)")
ax.plot(z, p * (1 - p), color="tab:purple", linestyle="--", label="derivative p(1 - p)")
ax.axhline(0.5, color="tab:gray", linestyle=":", label="p = 0.5")
ax.axvline(0, color="black", linewidth=0.8)
ax.scatter([0], [0.5], color="black", zorder=3)
ax.set(title="The sigmoid function", xlabel="z (logit)", ylabel="value", ylim=(-0.05, 1.05))
ax.legend(loc="upper left")
plt.show()
