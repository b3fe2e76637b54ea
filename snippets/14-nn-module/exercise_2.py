import torch
from torch import nn

torch.manual_seed(0)

layers = [nn.Linear(2, 5), nn.Linear(5, 4), nn.Linear(4, 1)]
stack = nn.Sequential(*layers)

# zh: 从第一层开始，逐层合并：W ← W_next @ W，b ← W_next @ b + b_next
# en: merge layer by layer from the first: W ← W_next @ W, b ← W_next @ b + b_next
weight, bias = layers[0].weight, layers[0].bias
for layer in layers[1:]:
    weight = layer.weight @ weight
    bias = layer.weight @ bias + layer.bias

merged = nn.Linear(2, 1)
with torch.no_grad():
    merged.weight.copy_(weight)
    merged.bias.copy_(bias)

x = torch.randn(10, 2)
torch.testing.assert_close(stack(x), merged(x))
print("merged.weight.shape:", merged.weight.shape)
print("three layers == one layer: True")
