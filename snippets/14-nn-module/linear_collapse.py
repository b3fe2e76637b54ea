import torch
from torch import nn

torch.manual_seed(0)

# zh: 两个线性层直接相连，中间没有激活函数
# en: two linear layers back to back, no activation in between
layer1 = nn.Linear(3, 4)
layer2 = nn.Linear(4, 2)
x = torch.randn(5, 3)

# zh: 合并成一个线性层：W = W2 @ W1，b = W2 @ b1 + b2
# en: merge them into one linear layer: W = W2 @ W1, b = W2 @ b1 + b2
merged = nn.Linear(3, 2)
with torch.no_grad():
    merged.weight.copy_(layer2.weight @ layer1.weight)
    merged.bias.copy_(layer2.weight @ layer1.bias + layer2.bias)

stacked_out = layer2(layer1(x))
torch.testing.assert_close(stacked_out, merged(x))
print("layer2(layer1(x)) == merged(x): True")
print("merged.weight.shape:", merged.weight.shape)

# zh: 中间加上 ReLU，就再也合并不成一个线性层
# en: put a ReLU in between and the merge no longer holds
relu_out = layer2(torch.relu(layer1(x)))
print(f"max |difference| with ReLU: {(relu_out - merged(x)).abs().max():.4f}")
