import math

import torch

torch.manual_seed(0)

# zh: 查询和键的每个分量都服从标准正态分布：点积的标准差约为 sqrt(d)
# en: every entry of the queries and keys is standard normal, so a dot product has a standard deviation near sqrt(d)
for d in (4, 64, 512):
    q, k = torch.randn(2, 1000, 10, d).unbind(0)
    raw = q @ k.transpose(-2, -1)
    scaled = raw / math.sqrt(d)
    print(f"d={d:<3}  std of q·k: {raw.std():6.2f}  | largest softmax weight (mean over rows): "
          f"unscaled {raw.softmax(-1).amax(-1).mean():.2f}, scaled {scaled.softmax(-1).amax(-1).mean():.2f}")

# zh: 接近独热的 softmax 几乎没有梯度：看看分数的梯度有多大
# en: a softmax close to one-hot has almost no gradient: compare the gradients of the scores
q, k = torch.randn(2, 1000, 10, 512).unbind(0)
for name, divisor in [("unscaled", 1.0), ("scaled", math.sqrt(512))]:
    scores = (q @ k.transpose(-2, -1) / divisor).requires_grad_()
    w = scores.softmax(-1)
    (w * torch.randn_like(w)).sum().backward()
    print(f"{name:<8} mean |grad of scores|: {scores.grad.abs().mean():.1e}")
