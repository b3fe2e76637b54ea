import matplotlib.pyplot as plt
import torch
from matplotlib.patches import Patch

x = torch.tensor(5.0)
w = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(3.0)
xw = x * w
z = xw + b
diff = z - y
loss = diff**2

# zh: 节点：文字 -> （横坐标，纵坐标，颜色）；运算节点的名字取自真实的 grad_fn
# en: nodes: text -> (x, y, colour); operation names come from the real grad_fn
grey, orange, blue = "lightgrey", "tab:orange", "lightsteelblue"
nodes = {
    "x": (0, 3, grey),
    "w": (0, 1.8, orange),
    f"x*w\n{xw.grad_fn.name()}": (1.6, 2.4, blue),
    "b": (1.6, 0.9, orange),
    f"z = x*w + b\n{z.grad_fn.name()}": (3.3, 1.8, blue),
    "y": (3.3, 0.4, grey),
    f"z - y\n{diff.grad_fn.name()}": (5.0, 1.2, blue),
    f"loss = (z - y)**2\n{loss.grad_fn.name()}": (6.6, 2.4, blue),
}
edges = [(0, 2), (1, 2), (2, 4), (3, 4), (4, 6), (5, 6), (6, 7)]

fig, ax = plt.subplots(figsize=(6, 3.5))
boxes = [ax.text(px, py, text, ha="center", va="center", fontsize=8,
                 bbox=dict(boxstyle="round", facecolor=colour, edgecolor="black"))
         for text, (px, py, colour) in nodes.items()]
# zh: 箭头连接两个节点的中心，并在方框边缘处截断
# en: each arrow joins two node centres and is clipped at the box borders
for src, dst in edges:
    ax.annotate("", xy=boxes[dst].get_position(), xytext=boxes[src].get_position(),
                arrowprops=dict(arrowstyle="-|>", color="black", patchA=boxes[src].get_bbox_patch(),
                                patchB=boxes[dst].get_bbox_patch()))
ax.legend(handles=[Patch(color=grey, label="data (requires_grad=False)"),
                   Patch(color=orange, label="leaf parameter (requires_grad=True)"),
                   Patch(color=blue, label="result of an operation (has grad_fn)")],
          loc="lower right", fontsize=7)
ax.set_xlim(-0.5, 7.6)
ax.set_ylim(-0.7, 3.3)
ax.set_title("Forward graph of loss = (x*w + b - y)**2\n(backward() follows the arrows in reverse)")
ax.axis("off")
plt.show()
