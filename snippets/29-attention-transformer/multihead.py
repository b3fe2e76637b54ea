import torch
from torch import nn

torch.manual_seed(0)
# zh: 嵌入维度 16，分成 4 个头，每个头 16 / 4 = 4 维
# en: embedding size 16 split into 4 heads of 16 / 4 = 4 dimensions each
mha = nn.MultiheadAttention(embed_dim=16, num_heads=4, batch_first=True)
x = torch.randn(2, 6, 16)  # (batch, positions, embed_dim)

# zh: 自注意力（self-attention）：查询、键、值都是同一个 x
# en: self-attention: query, key and value are all the same x
out, weights = mha(x, x, x)
print("out:", tuple(out.shape), "| weights (averaged over heads):", tuple(weights.shape))

_, per_head = mha(x, x, x, average_attn_weights=False)
print("weights per head:", tuple(per_head.shape))
torch.testing.assert_close(per_head.mean(dim=1), weights)
print("average of the per-head weights == the averaged weights")

out_fast, none = mha(x, x, x, need_weights=False)
print("need_weights=False returns:", none, "| same output:", torch.allclose(out, out_fast, atol=1e-6))

print("parameters:", {name: tuple(p.shape) for name, p in mha.named_parameters()})
