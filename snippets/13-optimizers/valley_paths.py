import matplotlib.pyplot as plt
import torch
from torch import optim


# zh: 一条又长又窄的山谷：沿 a 的弯曲程度是沿 b 的 1/50
# en: a long, narrow valley: along a it curves 50 times less than along b
def f(a, b):
    return 0.02 * a**2 + b**2


optimizers = {
    "GD (lr 0.9)": lambda params: optim.SGD(params, lr=0.9),
    "momentum (lr 0.9, 0.9)": lambda params: optim.SGD(params, lr=0.9, momentum=0.9),
    "Adam (lr 0.5)": lambda params: optim.Adam(params, lr=0.5),
}
A, B = torch.meshgrid(torch.linspace(-9, 4, 131), torch.linspace(-1.5, 1.5, 61), indexing="xy")
fig, ax = plt.subplots(figsize=(6, 3.6))
ax.contour(A, B, f(A, B), levels=[0.02, 0.1, 0.3, 0.6, 1, 1.5, 2], colors="lightgrey", linewidths=0.8)
print(f"{'optimizer':24} f after 10 steps   after 50 steps")
for name, make_optimizer in optimizers.items():
    point = torch.tensor([-8.0, 1.0], requires_grad=True)
    optimizer = make_optimizer([point])
    path = [point.tolist()]
    for step in range(50):
        optimizer.zero_grad()
        f(*point).backward()
        optimizer.step()
        path.append(point.tolist())
    print(f"{name:24} {f(*torch.tensor(path[10])).item():16.3f}   {f(*torch.tensor(path[50])).item():14.3f}")
    ax.plot(*torch.tensor(path).T, ".-", markersize=3, linewidth=1, label=name)
ax.plot(0, 0, "k*", zorder=3, label="minimum")
ax.set(title="50 steps in a long, narrow valley: f = 0.02 a² + b²", xlabel="a", ylabel="b")
ax.legend(fontsize=7, ncol=4, loc="upper center", bbox_to_anchor=(0.5, -0.2))
fig.tight_layout()
plt.show()
