import matplotlib.pyplot as plt
import torch

# zh: f(x) = x**3 在 x = 0 处导数为 0，却既不是最小值也不是最大值
# en: f(x) = x**3 has zero slope at x = 0, yet it is neither a minimum nor a maximum
x, lr = 1.0, 0.1
path = [x]
for _ in range(200):
    # zh: 手推梯度：f'(x) = 3x**2
    # en: hand-derived gradient: f'(x) = 3x**2
    x -= lr * 3 * x**2
    path.append(x)
for step in (0, 10, 50, 200):
    print(f"step {step:3d}: x = {path[step]:.4f}  gradient = {3 * path[step] ** 2:.5f}")

fig, (ax_f, ax_x) = plt.subplots(1, 2, figsize=(9, 3.5))
grid = torch.linspace(-1.2, 1.2, 101)
ax_f.plot(grid, grid**3, color="lightgrey", label="f(x) = x**3")
ax_f.plot(path[:30], [p**3 for p in path[:30]], "o-", color="tab:blue", markersize=3, label="first 30 GD steps")
ax_f.set_title("GD slows down near the flat point x = 0")
ax_f.set_xlabel("x")
ax_f.set_ylabel("f(x)")
ax_f.legend()
ax_x.plot(path, color="tab:blue")
ax_x.set_title("x per step: a long plateau")
ax_x.set_xlabel("step")
ax_x.set_ylabel("x")
fig.tight_layout()
plt.show()
