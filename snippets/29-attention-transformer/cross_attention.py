import torch
from torch import nn

torch.manual_seed(0)
# zh: 交叉注意力：查询来自一个序列（3 个位置），键和值来自另一个序列（6 个位置）
# en: cross-attention: the queries come from one sequence (3 positions), the keys and values from another (6 positions)
tgt = torch.randn(2, 3, 16)
memory = torch.randn(2, 6, 16)
cross = nn.MultiheadAttention(embed_dim=16, num_heads=4, batch_first=True)
out, weights = cross(tgt, memory, memory)
print("query:", tuple(tgt.shape), "| key/value:", tuple(memory.shape))
print("out:", tuple(out.shape), "| weights:", tuple(weights.shape))
print("each query's weights over the 6 memory positions sum to 1:", torch.allclose(weights.sum(-1), torch.ones(2, 3)))

# zh: 编码器把源序列变成 memory；解码器每层先做带因果掩码的自注意力，再做交叉注意力
# en: the encoder turns the source into memory; each decoder layer: causal self-attention, then cross-attention
model = nn.Transformer(d_model=16, nhead=4, num_encoder_layers=1, num_decoder_layers=1,
                       dim_feedforward=32, dropout=0.0, batch_first=True)
src = torch.randn(2, 6, 16)
tgt_mask = nn.Transformer.generate_square_subsequent_mask(3)
y = model(src, tgt, tgt_mask=tgt_mask, tgt_is_causal=True)
print("nn.Transformer(src, tgt):", tuple(y.shape))
print("decoder layer:", [name for name, _ in model.decoder.layers[0].named_children() if "attn" in name])

docs = [" ".join(cls.__doc__.split()) for cls in (nn.Transformer, nn.TransformerEncoder, nn.TransformerDecoder,
                                                  nn.TransformerEncoderLayer, nn.TransformerDecoderLayer)]
print("all five docstrings say 'reference implementation':", all("reference implementation" in doc for doc in docs))
