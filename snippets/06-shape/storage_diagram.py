import matplotlib.pyplot as plt
import torch
from matplotlib.patches import Rectangle

x = torch.tensor([[10, 20, 30], [40, 50, 60]])
colors = ["#c6dbef", "#fdd0a2", "#c7e9c0", "#fcbba1", "#dadaeb", "#d9d9d9"]
fig, axes = plt.subplots(1, 2, figsize=(9, 4.5))

for ax, (name, t) in zip(axes, [("x", x), ("x.T", x.T)]):
    rows, cols = t.shape
    s0, s1 = t.stride()
    # zh: 每个 (i, j) 按步长算出它在存储中的偏移量
    # en: strides turn each (i, j) into an offset in the storage
    index_at = {}
    for i in range(rows):
        for j in range(cols):
            pos = t.storage_offset() + i * s0 + j * s1
            index_at[pos] = (i, j)
            cx, cy = 3 - cols / 2 + j, 5 - i
            ax.add_patch(Rectangle((cx, cy), 1, 1, fc=colors[pos], ec="black"))
            ax.text(cx + 0.5, cy + 0.5, f"{t[i, j].item()}\n({i},{j})", ha="center", va="center", fontsize=8)
    # zh: 下方是一维存储：格子上方的弧线是按行读取张量时的访问顺序
    # en: below is the 1-D storage; the arcs show the order a row-by-row read visits it
    for k in range(6):
        ax.add_patch(Rectangle((k, 0), 1, 1, fc=colors[k], ec="black"))
        ax.text(k + 0.5, 0.5, str((k + 1) * 10), ha="center", va="center")
        ax.text(k + 0.5, -0.3, f"offset {k}", ha="center", va="center", fontsize=7)
        ax.text(k + 0.5, -0.7, f"{name}{list(index_at[k])}", ha="center", va="center", fontsize=7)
    walk = [t.storage_offset() + i * s0 + j * s1 for i in range(rows) for j in range(cols)]
    for a, b in zip(walk, walk[1:]):
        bend = -0.4 if b > a else 0.4
        ax.annotate("", xy=(b + 0.5, 1.05), xytext=(a + 0.5, 1.05),
                    arrowprops=dict(arrowstyle="->", color="tab:red", connectionstyle=f"arc3,rad={bend}"))
    ax.text(3, 2.7, "read order: " + " -> ".join(map(str, walk)), ha="center", fontsize=9, color="tab:red")
    ax.set_title(f"{name}: shape {tuple(t.shape)}, stride {t.stride()}\noffset = {s0}*i + {s1}*j", fontsize=10)
    ax.set_xlim(-0.2, 6.2)
    ax.set_ylim(-1, 6.1)
    ax.set_axis_off()

fig.suptitle("One storage, two views")
fig.tight_layout()
plt.show()
