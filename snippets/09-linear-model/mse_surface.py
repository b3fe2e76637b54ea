import matplotlib.pyplot as plt
import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([5.0, 7.0, 9.0])

w = torch.linspace(0, 4, 41)
b = torch.linspace(0, 6, 61)
W, B = torch.meshgrid(w, b, indexing="ij")
mse = ((W[..., None] * x + B[..., None] - y) ** 2).mean(dim=-1)
i, j = torch.unravel_index(mse.argmin(), mse.shape)
print(f"minimum: w = {W[i, j].item():.2f}, b = {B[i, j].item():.2f}, MSE = {mse[i, j].item():.4f}")

fig = plt.figure(figsize=(6, 4))
ax = fig.add_subplot(projection="3d")
ax.plot_surface(W.numpy(), B.numpy(), mse.numpy(), cmap="viridis", alpha=0.8)
ax.scatter(W[i, j].item(), B[i, j].item(), mse[i, j].item(), color="tab:red", s=40, label="minimum")
ax.set_title("MSE of y = w * x + b over a (w, b) grid")
ax.set_xlabel("w")
ax.set_ylabel("b")
ax.set_zlabel("MSE")
# zh: 调整视角，让碗底朝向读者
# en: turn the view so the bottom of the bowl faces you
ax.view_init(elev=30, azim=-60)
ax.legend()
plt.show()
