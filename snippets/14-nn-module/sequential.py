from collections import OrderedDict

import torch
from torch import nn

torch.manual_seed(0)

# zh: 按顺序排好的层：输入依次流过每一层
# en: layers in order: the input flows through each one in turn
model = nn.Sequential(
    nn.Linear(2, 8),
    nn.ReLU(),
    nn.Linear(8, 1),
)
print(model)
print("model[0]:", model[0])
print("names:", [name for name, _ in model.named_parameters()])

# zh: 用 OrderedDict 给每一层起名字
# en: name each layer with an OrderedDict
named = nn.Sequential(OrderedDict([
    ("fc1", nn.Linear(2, 8)),
    ("relu", nn.ReLU()),
    ("fc2", nn.Linear(8, 1)),
]))
print("names:", [name for name, _ in named.named_parameters()])
print("named.fc1:", named.fc1)

x = torch.randn(5, 2)
print("output shape:", model(x).shape)
