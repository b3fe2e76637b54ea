import torch
from torch import nn

torch.manual_seed(0)


def rnn_params(input_size, hidden_size, num_layers):
    # zh: 第 0 层读入 input_size 个特征，之后每层读入它下面那一层的隐藏状态
    # en: layer 0 reads input_size features; every later layer reads the hidden state below it
    total = 0
    for layer in range(num_layers):
        n_in = input_size if layer == 0 else hidden_size
        total += hidden_size * n_in + hidden_size * hidden_size + 2 * hidden_size
    return total


rnn = nn.RNN(input_size=10, hidden_size=8, num_layers=2)
for name, p in rnn.named_parameters():
    print(f"{name:<14} {tuple(p.shape)}")
by_numel = sum(p.numel() for p in rnn.parameters())
print("by formula:", rnn_params(10, 8, 2), "| by numel:", by_numel)
assert rnn_params(10, 8, 2) == by_numel
