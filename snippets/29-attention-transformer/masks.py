import math

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

torch.manual_seed(0)
q, k, v = torch.randn(3, 1, 5, 8).unbind(0)


def masked_attention(q, k, v, mask):
    # zh: mask 为 True 的位置参与计算；False 的位置分数设为 -inf，softmax 之后权重正好是 0
    # en: True in mask means "take part"; False positions get a score of -inf, so their softmax weight is exactly 0
    scores = (q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))).masked_fill(~mask, float("-inf"))
    weights = scores.softmax(-1)
    return weights @ v, weights


# zh: 填充掩码：这个序列只有前 3 个位置是真实的，后 2 个是填充，任何查询都不该看它们
# en: padding mask: only the first 3 positions are real, the last 2 are padding, and no query may look at them
padding_mask = torch.tensor([True, True, True, False, False]).expand(5, 5)
# zh: 因果掩码：位置 i 只能看到 0..i，下三角为 True
# en: causal mask: position i sees only 0..i, True on and below the diagonal
causal_mask = torch.ones(5, 5, dtype=torch.bool).tril()

out_pad, w_pad = masked_attention(q, k, v, padding_mask)
out_causal, w_causal = masked_attention(q, k, v, causal_mask)
torch.testing.assert_close(out_pad, F.scaled_dot_product_attention(q, k, v, attn_mask=padding_mask))
torch.testing.assert_close(out_causal, F.scaled_dot_product_attention(q, k, v, attn_mask=causal_mask))
torch.testing.assert_close(out_causal, F.scaled_dot_product_attention(q, k, v, is_causal=True))
print("hand-written == SDPA with attn_mask == SDPA with is_causal=True")
print("weight on padded keys:", w_pad[0, :, 3:].sum().item())
print("weight above the diagonal:", w_causal[0].triu(1).sum().item())

fig, axes = plt.subplots(1, 2, figsize=(6, 3), layout="constrained")
for ax, w, title in [(axes[0], w_pad, "padding mask"), (axes[1], w_causal, "causal mask")]:
    im = ax.imshow(w[0], cmap="viridis", vmin=0, vmax=1)
    ax.set(title=title, xlabel="key position", ylabel="query position")
fig.colorbar(im, ax=axes, label="attention weight")
fig.suptitle("Attention weights under two masks")
plt.show()
