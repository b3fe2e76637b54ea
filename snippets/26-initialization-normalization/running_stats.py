import torch
from torch import nn

torch.manual_seed(0)
bn = nn.BatchNorm1d(3, momentum=0.1)
print("start: running_mean", bn.running_mean.tolist(), "| running_var", bn.running_var.tolist())

# zh: 训练模式下每个批量更新一次：running = (1 - momentum) * running + momentum * 批量统计量
# en: in train mode every batch updates them: running = (1 - momentum) * running + momentum * batch statistic
running_mean, running_var = torch.zeros(3), torch.ones(3)
for _ in range(50):
    x = 2 * torch.randn(16, 3) + torch.tensor([1.0, 5.0, -3.0])
    bn(x)
    running_mean = 0.9 * running_mean + 0.1 * x.mean(dim=0)
    # zh: 注意：running_var 记录的是无偏方差（除以 N-1），归一化时用的却是有偏方差
    # en: note: running_var stores the unbiased variance (divided by N-1), normalising uses the biased one
    running_var = 0.9 * running_var + 0.1 * x.var(dim=0, unbiased=True)
print("running stats match by hand:", torch.allclose(bn.running_mean, running_mean),
      torch.allclose(bn.running_var, running_var), "| batches seen:", bn.num_batches_tracked.item())
print("after 50 batches: running_mean", [round(v, 2) for v in bn.running_mean.tolist()])

# zh: 评估模式不再看批量，只用累积的统计量，输出与批量的组成无关
# en: eval mode ignores the batch and uses the running statistics, so the output does not depend on the batch
bn.eval()
x = torch.randn(4, 3)
by_hand = (x - bn.running_mean) / torch.sqrt(bn.running_var + bn.eps)
print("eval output matches running stats:", torch.allclose(bn(x), by_hand, atol=1e-6),
      "| row 0 alone == in batch:", torch.allclose(bn(x[:1]), bn(x)[:1]))
