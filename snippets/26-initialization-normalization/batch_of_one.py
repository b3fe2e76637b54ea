import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2))
x = torch.randn(1, 4)

# zh: 训练模式下，一个样本算不出有意义的方差
# en: in train mode one sample has no meaningful variance
try:
    model(x)
except ValueError as err:
    print("ValueError:", err)

# zh: 评估模式用累积的统计量，一个样本没有问题
# en: eval mode uses the running statistics, so one sample is fine
model.eval()
print("eval output shape:", tuple(model(x).shape))

# zh: BatchNorm2d 不报错：每个通道还有 H×W 个数，但统计量只来自这一张图
# en: BatchNorm2d raises no error: each channel still has H×W values, but the statistics come from this one image
print("BatchNorm2d, one image in train mode:", tuple(nn.BatchNorm2d(3)(torch.randn(1, 3, 4, 4)).shape))

# zh: 训练时最后一个批量可能只剩 1 个样本：drop_last=True 把它丢掉
# en: the last training batch may hold a single sample: drop_last=True drops it
dataset = torch.utils.data.TensorDataset(torch.randn(33, 4))
sizes = [len(xb) for (xb,) in torch.utils.data.DataLoader(dataset, batch_size=16)]
sizes_dropped = [len(xb) for (xb,) in torch.utils.data.DataLoader(dataset, batch_size=16, drop_last=True)]
print("batch sizes:", sizes, "| with drop_last=True:", sizes_dropped)
