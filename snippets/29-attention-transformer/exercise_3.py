import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
q, k, v = torch.randn(3, 2, 5, 8).unbind(0)

# zh: 浮点掩码会被加到分数上：0 表示不变，-inf 表示屏蔽
# en: a float mask is added to the scores: 0 leaves a score alone, -inf blocks it
float_mask = nn.Transformer.generate_square_subsequent_mask(5)
print(float_mask)
bool_mask = torch.ones(5, 5, dtype=torch.bool).tril()
print("float mask == where(bool mask, 0, -inf):",
      torch.equal(float_mask, torch.zeros(5, 5).masked_fill(~bool_mask, float("-inf"))))

out_float = F.scaled_dot_product_attention(q, k, v, attn_mask=float_mask)
out_bool = F.scaled_dot_product_attention(q, k, v, attn_mask=bool_mask)
out_causal = F.scaled_dot_product_attention(q, k, v, is_causal=True)
torch.testing.assert_close(out_float, out_bool)
torch.testing.assert_close(out_float, out_causal)
print("float mask, boolean mask and is_causal=True give the same output")
