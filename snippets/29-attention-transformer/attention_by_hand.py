import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)

# zh: 1 个序列、4 个位置（token），每个位置的查询、键、值都是 8 维向量
# en: 1 sequence of 4 positions (tokens); every query, key and value is an 8-dimensional vector
q, k, v = torch.randn(3, 1, 4, 8).unbind(0)


def attention(q, k, v):
    d = q.size(-1)
    # zh: 每个查询和每个键做点积，再除以 sqrt(d)
    # en: dot every query with every key, then divide by sqrt(d)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    weights = scores.softmax(dim=-1)
    return weights @ v, weights


out, weights = attention(q, k, v)
# zh: 权重的形状是（批量，查询数，键数），输出的形状是（批量，查询数，值的维度）
# en: the weights are (batch, queries, keys) and the output is (batch, queries, value size)
print("weights shape:", tuple(weights.shape))
print("weights:\n", weights[0].round(decimals=2))
print("each row sums to 1:", torch.allclose(weights.sum(-1), torch.ones(1, 4)))
print("out shape:", tuple(out.shape))

torch.testing.assert_close(out, F.scaled_dot_product_attention(q, k, v))
print("matches F.scaled_dot_product_attention")
