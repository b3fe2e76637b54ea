import torch
from torch import nn

torch.manual_seed(0)
# zh: 一个特征，总体均值 3、标准差 2；x0 是其中一个样本，先看它按总体统计量归一化的值
# en: one feature with population mean 3 and std 2; x0 is one sample: first, its value normalised with the population statistics
data = 2 * torch.randn(10000, 1) + 3
x0 = data[:1]
print("x0 normalised with population stats:", round(((x0 - 3) / 2).item(), 2))

bn = nn.BatchNorm1d(1)
outputs = {}
for batch_size in [2, 8, 32, 128]:
    # zh: 训练模式：把 x0 和随机抽的 batch_size - 1 个同伴放进一个批量，重复 200 次，记下 x0 的输出
    # en: train mode: put x0 in a batch with batch_size - 1 random mates, 200 times, and record x0's output
    outputs[batch_size] = torch.stack([
        bn(torch.cat([x0, data[torch.randint(1, len(data), (batch_size - 1,))]]))[0, 0] for _ in range(200)
    ])
    print(f"batch {batch_size:>3}: x0's output mean {outputs[batch_size].mean().item():5.2f},"
          f" std {outputs[batch_size].std().item():.2f}")
spreads = [out.std().item() for out in outputs.values()]
print("noise shrinks as the batch grows:", all(a > b for a, b in zip(spreads, spreads[1:])))
# zh: 批量为 2 时，两个数归一化后几乎总是 -1 和 +1：只剩“比同伴大还是小”
# en: in a batch of 2 the two values normalise to almost exactly -1 and +1: only "larger or smaller than the mate" is left
near_one = ((outputs[2].abs() - 1).abs() < 0.1).float().mean().item()
print("batch of 2, output within 0.1 of -1 or +1 in over 90% of draws:", near_one > 0.9)
