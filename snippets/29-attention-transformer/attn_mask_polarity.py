import torch
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
layer = nn.TransformerEncoderLayer(8, nhead=2, dim_feedforward=16, dropout=0.0, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=1, enable_nested_tensor=False)
x = torch.randn(1, 5, 8)

# zh: SDPA 的写法：下三角为 True，表示“参与计算”
# en: SDPA's convention: True on and below the diagonal means "take part"
causal = torch.ones(5, 5, dtype=torch.bool).tril()
# zh: 浮点因果掩码：屏蔽处是 -inf，正好是 ~causal 为 True 的位置
# en: the float causal mask: -inf where blocked, exactly where ~causal is True
float_mask = nn.Transformer.generate_square_subsequent_mask(5)
print("float mask is -inf exactly at ~causal:", torch.equal(float_mask.isinf(), ~causal))

with torch.no_grad():
    reference, _ = mha(x, x, x, attn_mask=float_mask)
    # zh: nn.MultiheadAttention 的布尔 attn_mask 里 True 表示“屏蔽”，要传 ~causal
    # en: in nn.MultiheadAttention's boolean attn_mask True means "blocked": pass ~causal
    right, _ = mha(x, x, x, attn_mask=~causal)
    wrong, weights = mha(x, x, x, attn_mask=causal)
    enc_reference = encoder(x, mask=float_mask)
    enc_right, enc_wrong = encoder(x, mask=~causal), encoder(x, mask=causal)
print("MHA attn_mask=~causal matches the float mask:", torch.allclose(right, reference, atol=1e-6))
print("MHA attn_mask=causal, query 0's weights:", [round(w, 2) for w in weights[0, 0].tolist()])
print("MHA attn_mask=causal, rows with NaN:", wrong[0].isnan().any(-1).nonzero().flatten().tolist())
print("encoder mask=~causal matches the float mask:", torch.allclose(enc_right, enc_reference, atol=1e-6))
print("encoder mask=causal matches the float mask:", torch.allclose(enc_wrong, enc_reference, atol=1e-6),
      "| has NaN:", enc_wrong.isnan().any().item())
