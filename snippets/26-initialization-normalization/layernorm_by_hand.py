import torch
from torch import nn

torch.manual_seed(0)

# zh: LayerNorm：输入 (N, L, D)，每个样本的每个位置在自己的 D 个特征上归一化
# en: LayerNorm: input (N, L, D), each position of each sample is normalised over its own D features
x = 3 * torch.randn(4, 6, 8) + 5
ln = nn.LayerNorm(8)
print("LayerNorm weight, bias shapes:", tuple(ln.weight.shape), tuple(ln.bias.shape),
      "| buffers:", [name for name, _ in ln.named_buffers()])
mean = x.mean(dim=-1, keepdim=True)
var = x.var(dim=-1, keepdim=True, unbiased=False)
by_hand = (x - mean) / torch.sqrt(var + ln.eps) * ln.weight + ln.bias
print("stats shape:", tuple(mean.shape), "| LayerNorm matches by hand:", torch.allclose(ln(x), by_hand, atol=1e-5))

# zh: 每个样本只用自己的统计量：单独算和放在批量里算一样，训练模式和评估模式也一样
# en: each sample uses only its own statistics: alone or in a batch, train mode or eval mode, same result
print("sample alone == in batch:", torch.allclose(ln(x[:1]), ln(x)[:1]))
print("train == eval:", torch.equal(ln.train()(x), ln.eval()(x)))

# zh: Transformer 层里用的就是 LayerNorm
# en: a Transformer layer uses LayerNorm
layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, batch_first=True)
print("TransformerEncoderLayer norms:", layer.norm1, layer.norm2)
