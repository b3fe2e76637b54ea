import torch

torch.manual_seed(0)
d = 64
# zh: 每个查询都要和每个键比较：n 个位置就有 n × n 个分数
# en: every query is compared with every key: n positions give n × n scores
entries = {}
for n in (256, 512, 1024, 2048):
    q, k = torch.randn(2, 1, n, d).unbind(0)
    weights = (q @ k.transpose(-2, -1) / d**0.5).softmax(-1)
    entries[n] = weights.numel()
    mib = entries[n] * weights.element_size() / 2**20
    print(f"n={n:<5} weights {tuple(weights.shape)!s:<16} {entries[n]:>9,} entries  {mib:5.1f} MiB (float32)")
print("doubling n quadruples the weights:", all(entries[2 * n] == 4 * entries[n] for n in (256, 512, 1024)))
