import torch
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=16, num_heads=2, batch_first=True)


def self_attention(x):
    with torch.no_grad():
        return mha(x, x, x, need_weights=False)[0]


# zh: 与上一个示例相同的正弦位置编码，写得更紧凑：sin 和 cos 交替排列
# en: the same sinusoidal encoding as in the previous example, written more compactly: sin and cos interleaved
def sinusoidal_encoding(n_positions, d):
    freq = 10000 ** (-torch.arange(0, d, 2) / d)
    angles = torch.arange(n_positions).unsqueeze(1) * freq
    return torch.stack([angles.sin(), angles.cos()], dim=-1).flatten(1)


x = torch.randn(1, 5, 16)
perm = torch.tensor([3, 0, 4, 1, 2])
# zh: 没有位置编码：把输入打乱，输出也只是按同样的方式打乱，数值不变
# en: without positional encoding: shuffle the input and the output is shuffled the same way, values unchanged
torch.testing.assert_close(self_attention(x[:, perm]), self_attention(x)[:, perm])
print("without positional encoding: attention(x[perm]) == attention(x)[perm]")
print("mean over positions unchanged by the shuffle:",
      torch.allclose(self_attention(x[:, perm]).mean(1), self_attention(x).mean(1), atol=1e-6))

# zh: 加上位置编码：同一个向量放在不同位置，输入就不同了
# en: with positional encoding: the same vector at another position is a different input
pe = sinusoidal_encoding(5, 16)
shuffled = self_attention(x[:, perm] + pe)
print("with positional encoding, still equivariant:",
      torch.allclose(shuffled, self_attention(x + pe)[:, perm], atol=1e-4))
