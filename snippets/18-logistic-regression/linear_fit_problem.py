import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
g = torch.Generator().manual_seed(0)
hours = torch.rand(200, 1, generator=g) * 10
passed = torch.bernoulli(torch.sigmoid(1.5 * (hours - 5)), generator=g)

# zh: 用最小二乘法拟合一条直线 passed ≈ w * hours + b
# en: fit a straight line passed ≈ w * hours + b by least squares
X = torch.cat([hours, torch.ones_like(hours)], dim=1)
w, b = torch.linalg.lstsq(X, passed).solution.flatten().tolist()
print(f"least-squares line: w = {w:.3f}, b = {b:.3f}")
for h in (0.0, 5.0, 10.0):
    print(f"  prediction at {h:4.1f} h: {w * h + b:6.3f}")

grid = torch.linspace(0, 10, 2)
fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(hours[passed == 0], passed[passed == 0], s=12, color="tab:orange", label="fail (0)")
ax.scatter(hours[passed == 1], passed[passed == 1], s=12, color="tab:blue", label="pass (1)")
ax.plot(grid, w * grid + b, color="tab:gray", label="least-squares line")
ax.axhspan(-0.3, 0, color="tab:gray", alpha=0.15)
ax.axhspan(1, 1.3, color="tab:gray", alpha=0.15)
ax.set(title="A straight line leaves [0, 1]", xlabel="hours studied", ylabel="passed", ylim=(-0.3, 1.3))
ax.legend(loc="upper left")
plt.show()
