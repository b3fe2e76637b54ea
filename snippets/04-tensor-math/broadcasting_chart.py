import matplotlib.pyplot as plt
import torch
from matplotlib.patches import Patch, Rectangle

col = torch.tensor([[0], [10], [20]])  # (3, 1)
row = torch.tensor([[1, 2, 3, 4]])  # (1, 4)
total = col + row  # (3, 4)


def draw(ax, values, real_shape, color, title):
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            real = i < real_shape[0] and j < real_shape[1]
            ax.add_patch(Rectangle((j, rows - 1 - i), 1, 1, facecolor=color,
                                   alpha=0.9 if real else 0.25, hatch=None if real else "//",
                                   edgecolor="black"))
            ax.text(j + 0.5, rows - 0.5 - i, str(values[i, j].item()), ha="center", va="center")
    ax.set_xlim(0, cols)
    ax.set_ylim(0, rows)
    ax.set_aspect("equal")
    ax.set_xticks([j + 0.5 for j in range(cols)], range(cols))
    ax.set_yticks([rows - 0.5 - i for i in range(rows)], range(rows))
    ax.set_xlabel("dim 1 (column)")
    ax.set_title(title)


fig, axes = plt.subplots(1, 3, figsize=(9, 3.6))
draw(axes[0], col.expand(3, 4), (3, 1), "tab:blue", "col (3, 1) -> (3, 4)")
draw(axes[1], row.expand(3, 4), (1, 4), "tab:orange", "row (1, 4) -> (3, 4)")
draw(axes[2], total, (3, 4), "tab:green", "col + row (3, 4)")
axes[0].set_ylabel("dim 0 (row)")
fig.legend(handles=[Patch(facecolor="gray", alpha=0.9, label="stored values"),
                    Patch(facecolor="gray", alpha=0.25, hatch="//", label="broadcast copies")],
           loc="lower center", ncol=2)
fig.suptitle("Broadcasting (3, 1) + (1, 4)")
fig.tight_layout(rect=(0, 0.12, 1, 1))
plt.show()
