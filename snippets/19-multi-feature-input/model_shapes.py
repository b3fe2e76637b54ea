import torch
from torch import nn

torch.manual_seed(0)

# zh: 30 -> 16 -> 8 -> 1：两个隐藏层，最后输出一个 logit
# en: 30 -> 16 -> 8 -> 1: two hidden layers, then one logit
model = nn.Sequential(
    nn.Linear(30, 16), nn.ReLU(),
    nn.Linear(16, 8), nn.ReLU(),
    nn.Linear(8, 1),
)
print(model)
print("parameters:", sum(p.numel() for p in model.parameters()))

# zh: 把一批 4 个样本逐层送进去，看形状怎么变
# en: push a batch of 4 samples through layer by layer and watch the shape
x = torch.randn(4, 30)
for layer in model:
    x = layer(x)
    print(f"after {layer.__class__.__name__:6}: {tuple(x.shape)}")
