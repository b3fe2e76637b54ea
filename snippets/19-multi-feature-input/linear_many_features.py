import torch
from torch import nn

torch.manual_seed(0)
# zh: 一批 4 个样本，每个样本 30 个特征：每行一个样本
# en: a batch of 4 samples with 30 features each: one row per sample
X = torch.randn(4, 30)

# zh: 一个特征时 z = w*x + b；30 个特征时 z = x1*w1 + ... + x30*w30 + b
# en: one feature gives z = w*x + b; 30 features give z = x1*w1 + ... + x30*w30 + b
layer = nn.Linear(30, 1)
print("weight:", layer.weight.shape, " bias:", layer.bias.shape)

# zh: 对整批样本，就是一次矩阵乘法：(4, 30) @ (30, 1) + b -> (4, 1)
# en: for the whole batch it is one matrix product: (4, 30) @ (30, 1) + b -> (4, 1)
z_layer = layer(X)
z_matmul = X @ layer.weight.T + layer.bias
z_loop = torch.stack([(X[i] * layer.weight[0]).sum() + layer.bias for i in range(4)])
print("layer(X):      ", z_layer.shape, z_layer.detach().flatten())
print("X @ W.T + b:   ", z_matmul.shape, z_matmul.detach().flatten())
print("loop over rows:", z_loop.shape, z_loop.detach().flatten())
torch.testing.assert_close(z_layer, z_matmul)
torch.testing.assert_close(z_layer, z_loop)
