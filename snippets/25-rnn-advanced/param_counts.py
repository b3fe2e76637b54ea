import torch
from torch import nn

torch.manual_seed(0)

input_size, hidden_size = 16, 32
one_rnn = hidden_size * input_size + hidden_size * hidden_size + 2 * hidden_size
for name, layer, gates in [("RNN", nn.RNN, 1), ("GRU", nn.GRU, 3), ("LSTM", nn.LSTM, 4)]:
    model = layer(input_size, hidden_size)
    n_params = sum(p.numel() for p in model.parameters())
    # zh: GRU 把 3 组、LSTM 把 4 组 RNN 大小的权重竖着叠在同一个矩阵里
    # en: a GRU stacks 3, an LSTM 4 RNN-sized weight sets in the same matrix
    print(f"{name:<5} weight_ih_l0 {str(tuple(model.weight_ih_l0.shape)):<9}  parameters={n_params:>5}  "
          f"= {n_params // one_rnn} x RNN")
    assert n_params == gates * one_rnn
