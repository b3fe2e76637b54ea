import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))

# zh: 每个线性层：in * out 个权重 + out 个偏置；ReLU 没有参数
# en: each linear layer: in * out weights + out biases; ReLU has none
by_formula = (4 * 16 + 16) + (16 * 3 + 3)
by_code = sum(p.numel() for p in model.parameters())
print("by formula:", by_formula)
print("by code:", by_code)
assert by_formula == by_code
