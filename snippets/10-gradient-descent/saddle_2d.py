import matplotlib.pyplot as plt
import torch

# zh: f(x, y) = x**2 - y**2：沿 x 是碗底，沿 y 是山顶，原点是鞍点
# en: f(x, y) = x**2 - y**2: a valley along x, a ridge along y; the origin is a saddle point
lr, steps = 0.1, 50
fig, (ax_c, ax_f) = plt.subplots(1, 2, figsize=(9, 3.8))
for start_y, colour, width in [(0.0, "tab:blue", 4), (1e-4, "tab:red", 1.5)]:
    px, py = [1.0], [start_y]
    for _ in range(steps):
        # zh: 梯度是 (2x, -2y)
        # en: the gradient is (2x, -2y)
        px.append(px[-1] - lr * 2 * px[-1])
        py.append(py[-1] + lr * 2 * py[-1])
    f = [a**2 - b**2 for a, b in zip(px, py)]
    print(f"start (1, {start_y}): after {steps} steps x = {px[-1]:.5f}, y = {py[-1]:.4f}, f = {f[-1]:.4f}")
    ax_c.plot(px, py, ".-", color=colour, linewidth=width, markersize=3, label=f"start (1, {start_y})")
    ax_f.plot(f, color=colour, linewidth=width, label=f"start (1, {start_y})")

gx, gy = torch.meshgrid(torch.linspace(-1.2, 1.2, 101), torch.linspace(-1.2, 1.2, 101), indexing="xy")
contours = ax_c.contour(gx, gy, gx**2 - gy**2, levels=12, cmap="coolwarm", linewidths=0.8)
ax_c.clabel(contours, fontsize=6)
ax_c.set_title("contours of x**2 - y**2")
ax_c.set_xlabel("x")
ax_c.set_ylabel("y")
ax_c.legend(fontsize=8)
ax_f.set_title("f per step")
ax_f.set_xlabel("step")
ax_f.set_ylabel("f(x, y)")
ax_f.legend(fontsize=8)
fig.tight_layout()
plt.show()
