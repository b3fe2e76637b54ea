import torch
from torch import nn

torch.manual_seed(0)

rnn = nn.RNN(input_size=4, hidden_size=2)
cell = nn.RNNCell(input_size=4, hidden_size=2)
# zh: 把 nn.RNN 第 0 层的参数复制给 RNNCell
# en: copy the layer-0 parameters of nn.RNN into the RNNCell
with torch.no_grad():
    cell.weight_ih.copy_(rnn.weight_ih_l0)
    cell.weight_hh.copy_(rnn.weight_hh_l0)
    cell.bias_ih.copy_(rnn.bias_ih_l0)
    cell.bias_hh.copy_(rnn.bias_hh_l0)

x = torch.randn(5, 3, 4)
with torch.no_grad():
    out, h_n = rnn(x)
    h = torch.zeros(3, 2)
    steps = []
    for x_t in x:
        h = cell(x_t, h)
        steps.append(h)
    out_by_cell = torch.stack(steps)

print("out:", tuple(out.shape), "| loop over RNNCell:", tuple(out_by_cell.shape))
torch.testing.assert_close(out, out_by_cell)
print("nn.RNN == a loop over RNNCell")
