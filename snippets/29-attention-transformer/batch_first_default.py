import torch
from torch import nn

torch.manual_seed(0)
good = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
bad = nn.MultiheadAttention(embed_dim=8, num_heads=2)  # batch_first=False
bad.load_state_dict(good.state_dict())
print("default batch_first:", bad.batch_first)

# zh: 3 个句子，每个 5 个位置：(batch, positions, features)
# en: 3 sentences of 5 positions each: (batch, positions, features)
x = torch.randn(3, 5, 8)
with torch.no_grad():
    out_good = good(x, x, x)[0]
    out_bad = bad(x, x, x)[0]
# zh: 没有任何报错，形状也一样，但 bad 把维度 0 当成了位置：它让 3 个句子互相注意，而不是每个句子里的 5 个位置
# en: no error and the same shape, but bad reads dim 0 as positions: it attends across the 3 sentences, not within each
print("shapes:", tuple(out_good.shape), tuple(out_bad.shape), "| same values:", torch.allclose(out_good, out_bad))

# zh: 改动第 0 个句子，只有 batch_first=True 的模块能保证别的句子不受影响
# en: change sentence 0: only the batch_first=True module keeps the other sentences unaffected
x2 = x.clone()
x2[0] += 1
with torch.no_grad():
    print("sentence 1 changed, batch_first=True: ", not torch.allclose(good(x2, x2, x2)[0][1], out_good[1]))
    print("sentence 1 changed, batch_first=False:", not torch.allclose(bad(x2, x2, x2)[0][1], out_bad[1]))
