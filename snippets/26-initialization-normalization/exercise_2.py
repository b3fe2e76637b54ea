import torch
from torch import nn

torch.manual_seed(0)
# zh: momentum=None：不再做指数滑动平均，而是对见过的所有批量取简单平均
# en: momentum=None: no exponential moving average, a plain average over all batches seen
bn = nn.BatchNorm1d(3, momentum=None)
batch_means = []
for _ in range(20):
    x = torch.randn(16, 3) + torch.tensor([1.0, 5.0, -3.0])
    bn(x)
    batch_means.append(x.mean(dim=0))
average = torch.stack(batch_means).mean(dim=0)
print("running_mean:", [round(v, 3) for v in bn.running_mean.tolist()])
print("mean of the 20 batch means:", [round(v, 3) for v in average.tolist()])
print("equal:", torch.allclose(bn.running_mean, average, atol=1e-6))
