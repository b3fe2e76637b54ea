import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)

# zh: 两个序列，真实长度 5 和 3；第二个序列的最后 2 个位置是填充
# en: two sequences of real length 5 and 3; the last 2 positions of the second one are padding
x = torch.randn(2, 5, 8)
lengths = torch.tensor([5, 3])
# zh: real 为 True 的位置是真实字符
# en: real is True at the real tokens
real = torch.arange(5) < lengths[:, None]
print("real:\n", real)

with torch.no_grad():
    # zh: 参考答案：把第二个序列的 3 个真实位置单独送进去，完全没有填充
    # en: the reference: the 3 real positions of the second sequence on their own, no padding at all
    reference = mha(x[1:, :3], x[1:, :3], x[1:, :3])[0]
    # zh: nn.MultiheadAttention 的 key_padding_mask：True 表示“忽略这个键”
    # en: nn.MultiheadAttention's key_padding_mask: True means "ignore this key"
    right = mha(x, x, x, key_padding_mask=~real)[0]
    wrong = mha(x, x, x, key_padding_mask=real)[0]
print("key_padding_mask=~real matches the reference:", torch.allclose(right[1, :3], reference, atol=1e-6))
print("key_padding_mask=real  matches the reference:", torch.allclose(wrong[1, :3], reference, atol=1e-6))
# zh: 极性弄反后，第一个序列的每个键都被忽略，softmax 全是 -inf，结果是 NaN
# en: with the polarity reversed, every key of the first sequence is ignored: softmax over all -inf gives NaN
print("reversed mask, first sequence has NaN:", wrong[0].isnan().any().item())

# zh: F.scaled_dot_product_attention 的布尔 attn_mask 恰好相反：True 表示“参与计算”
# en: F.scaled_dot_product_attention's boolean attn_mask is the opposite: True means "take part"
q = k = v = x[:, None]  # (2, 1, 5, 8)
sdpa = F.scaled_dot_product_attention(q, k, v, attn_mask=real[:, None, None, :])[:, 0]
alone = F.scaled_dot_product_attention(q[1:, :, :3], k[1:, :, :3], v[1:, :, :3])[:, 0]
print("SDPA attn_mask=real matches the unpadded run:", torch.allclose(sdpa[1, :3], alone[0], atol=1e-6))
