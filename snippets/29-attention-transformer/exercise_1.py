import math

import torch
from torch import nn

torch.manual_seed(0)
embed_dim, num_heads = 16, 4
mha = nn.MultiheadAttention(embed_dim, num_heads, batch_first=True)
x = torch.randn(2, 6, embed_dim)

# zh: in_proj_weight 把 W_q、W_k、W_v 竖着叠在一起，形状 (3 * embed_dim, embed_dim)
# en: in_proj_weight stacks W_q, W_k and W_v vertically: shape (3 * embed_dim, embed_dim)
w_q, w_k, w_v = mha.in_proj_weight.chunk(3)
b_q, b_k, b_v = mha.in_proj_bias.chunk(3)
head_dim = embed_dim // num_heads


def split_heads(t):
    # zh: (batch, positions, embed_dim) -> (batch, heads, positions, head_dim)
    # en: (batch, positions, embed_dim) -> (batch, heads, positions, head_dim)
    return t.unflatten(-1, (num_heads, head_dim)).transpose(1, 2)


q, k, v = split_heads(x @ w_q.T + b_q), split_heads(x @ w_k.T + b_k), split_heads(x @ w_v.T + b_v)
weights = (q @ k.transpose(-2, -1) / math.sqrt(head_dim)).softmax(-1)  # (2, 4, 6, 6)
# zh: 把各个头的输出并排拼回 embed_dim 维，再经过输出投影
# en: put the heads' outputs side by side to get back embed_dim features, then apply the output projection
heads = (weights @ v).transpose(1, 2).flatten(2)  # (2, 6, 16)
out = mha.out_proj(heads)

expected, expected_weights = mha(x, x, x, average_attn_weights=False)
torch.testing.assert_close(out, expected)
torch.testing.assert_close(weights, expected_weights)
print("by hand == nn.MultiheadAttention | out:", tuple(out.shape), "| weights:", tuple(weights.shape))
