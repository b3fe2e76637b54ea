import math

import torch
from torch import nn

torch.manual_seed(0)

# zh: 3 个输入特征，2 个输出特征
# en: 3 input features, 2 output features
layer = nn.Linear(in_features=3, out_features=2)
print("weight.shape:", layer.weight.shape)
print("bias.shape:", layer.bias.shape)
print("weight:", layer.weight)
print("bias:", layer.bias)

# zh: 默认初始化：均匀分布在 ±1/sqrt(in_features) 之内
# en: default init: uniform within ±1/sqrt(in_features)
bound = 1 / math.sqrt(layer.in_features)
print("bound:", round(bound, 4))
print("all |weight| <= bound:", bool((layer.weight.abs() <= bound).all()))

# zh: 线性层算的是 y = x @ W.T + b
# en: a linear layer computes y = x @ W.T + b
x = torch.randn(4, 3)
y = layer(x)
torch.testing.assert_close(y, x @ layer.weight.T + layer.bias)
print("y.shape:", y.shape)
print("layer(x) == x @ W.T + b: True")

# zh: 同一个随机种子，得到同样的初始权重
# en: the same seed gives the same initial weights
torch.manual_seed(0)
again = nn.Linear(3, 2)
print("same seed, same weight:", torch.equal(again.weight, layer.weight))
