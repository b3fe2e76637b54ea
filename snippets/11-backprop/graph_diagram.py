import matplotlib.pyplot as plt
import torch
from matplotlib.lines import Line2D

# zh: 一个样本：x = 2，目标 y = 4，当前权重 w = 1
# en: one sample: x = 2, target y = 4, current weight w = 1
x = torch.tensor(2.0)
y = torch.tensor(4.0)
w = torch.tensor(1.0, requires_grad=True)

y_hat = w * x
r = y_hat - y
loss = r**2
# zh: 让中间节点也保留梯度，方便画在图上
# en: keep the gradients of intermediate nodes so we can draw them
for t in (y_hat, r, loss):
    t.retain_grad()
loss.backward()
print("w.grad:", w.grad)

# zh: 名字 -> （位置，前向的值，梯度或 None）
# en: name -> (position, forward value, gradient or None)
values = {
    "x": ((0, -1), x.item(), None),
    "w": ((0, 1), w.item(), w.grad.item()),
    r"\hat y": ((2, 0), y_hat.item(), y_hat.grad.item()),
    "y": ((3, 1.3), y.item(), None),
    "r": ((4, 0), r.item(), r.grad.item()),
    r"\ell": ((6, 0), loss.item(), loss.grad.item()),
}
ops = {r"$\times$": (1, 0), r"$-$": (3, 0), r"$(\cdot)^2$": (5, 0)}
edges = [((0, -1), (1, 0)), ((0, 1), (1, 0)), ((1, 0), (2, 0)), ((2, 0), (3, 0)),
         ((3, 1.3), (3, 0)), ((3, 0), (4, 0)), ((4, 0), (5, 0)), ((5, 0), (6, 0))]

fig, ax = plt.subplots(figsize=(6, 3))
for start, end in edges:
    ax.annotate("", xy=end, xytext=start, arrowprops=dict(arrowstyle="->", shrinkA=14, shrinkB=14))
for label, (x0, y0) in ops.items():
    ax.text(x0, y0, label, ha="center", va="center", bbox=dict(boxstyle="circle", fc="lightgrey"))
for name, ((x0, y0), value, grad) in values.items():
    ax.text(x0, y0, f"${name}$", ha="center", va="center", bbox=dict(boxstyle="round", fc="white"))
    ax.text(x0, y0 + 0.33, f"{value:g}", ha="center", color="tab:blue")
    if grad is not None:
        ax.text(x0, y0 - 0.5, f"{grad:g}", ha="center", color="tab:red")
handles = [Line2D([], [], color="tab:blue", label="forward value"),
           Line2D([], [], color="tab:red", label=r"gradient $\partial\ell/\partial\,\cdot$")]
ax.legend(handles=handles, loc="upper right", fontsize=8)
ax.set_xlim(-0.5, 6.5)
ax.set_ylim(-1.4, 1.9)
ax.axis("off")
ax.set_title(r"Graph of $\ell = (w x - y)^2$: forward values and gradients")
plt.show()
