import matplotlib.pyplot as plt
import torch


def sinusoidal_encoding(n_positions, d):
    # zh: 偶数维 PE[p, 2i] = sin(p / 10000^(2i/d))，奇数维 PE[p, 2i+1] = cos(p / 10000^(2i/d))
    # en: PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d))
    position = torch.arange(n_positions).unsqueeze(1)  # (n_positions, 1)
    freq = 10000 ** (-torch.arange(0, d, 2) / d)  # (d / 2,)
    pe = torch.zeros(n_positions, d)
    pe[:, 0::2] = torch.sin(position * freq)
    pe[:, 1::2] = torch.cos(position * freq)
    return pe


pe = sinusoidal_encoding(50, 16)
print("pe:", tuple(pe.shape), f"| values in [{pe.min():.2f}, {pe.max():.2f}]")
print("every vector has norm sqrt(d/2):", torch.allclose(pe.norm(dim=1), torch.full((50,), 8 ** 0.5)))
# zh: 两个位置编码的点积只取决于它们的距离 k，与起点 p 无关
# en: the dot product of two encodings depends only on their distance k, not on the start p
for k in (1, 5):
    dots = (pe[:-k] * pe[k:]).sum(dim=1)
    same = torch.allclose(dots, dots[0].expand_as(dots), atol=1e-4)
    print(f"distance {k}: pe[p]·pe[p+{k}] = {dots[0]:.2f} for every p:", same)

fig, ax = plt.subplots(figsize=(6, 4))
for i in (0, 2, 4, 6):
    ax.plot(pe[:, i], label=f"dim {i}")
ax.set(title="Sinusoidal positional encoding", xlabel="position", ylabel="value")
ax.legend()
plt.show()
