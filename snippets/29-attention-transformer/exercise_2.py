import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False).eval()

# zh: 一个有 3 个真实位置的序列，后面接上随机的“填充”向量
# en: a sequence with 3 real positions, followed by random "padding" vectors
word = torch.randn(1, 3, 8)
for n_pad in (2, 7):
    padded = torch.cat([word, torch.randn(1, n_pad, 8)], dim=1)
    ignore = torch.arange(3 + n_pad) >= 3
    with torch.no_grad():
        alone = encoder(word)
        # zh: src_key_padding_mask 和 key_padding_mask 一样：True 表示填充，忽略它
        # en: src_key_padding_mask works like key_padding_mask: True means padding, ignore it
        masked = encoder(padded, src_key_padding_mask=ignore[None])
        unmasked = encoder(padded)
    print(f"{n_pad} pads | with mask, real positions unchanged: {torch.allclose(masked[:, :3], alone, atol=1e-5)}"
          f" | without mask: {torch.allclose(unmasked[:, :3], alone, atol=1e-5)}")
