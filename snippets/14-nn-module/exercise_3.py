import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 2))
shapes = []


def record_shape(module, inputs, output):
    shapes.append((type(module).__name__, tuple(output.shape)))


for layer in model:
    layer.register_forward_hook(record_shape)

model(torch.randn(4, 3))
for name, shape in shapes:
    print(f"{name}: {shape}")
assert shapes[-1] == ("Linear", (4, 2))
