import torch
from torch import nn

torch.manual_seed(0)

rnn = nn.RNN(input_size=4, hidden_size=3, num_layers=2)
cells = [nn.RNNCell(4, 3), nn.RNNCell(3, 3)]
with torch.no_grad():
    for layer, cell in enumerate(cells):
        cell.weight_ih.copy_(getattr(rnn, f"weight_ih_l{layer}"))
        cell.weight_hh.copy_(getattr(rnn, f"weight_hh_l{layer}"))
        cell.bias_ih.copy_(getattr(rnn, f"bias_ih_l{layer}"))
        cell.bias_hh.copy_(getattr(rnn, f"bias_hh_l{layer}"))

x = torch.randn(5, 2, 4)  # (seq_len, batch, input_size)
with torch.no_grad():
    out, h_n = rnn(x)
    h = [torch.zeros(2, 3), torch.zeros(2, 3)]
    top = []
    for x_t in x:
        # zh: 第 0 层（cells[0]）的新隐藏状态就是第 1 层（cells[1]）这一步的输入
        # en: the new hidden state of layer 0 (cells[0]) is the input of layer 1 (cells[1]) at this step
        h[0] = cells[0](x_t, h[0])
        h[1] = cells[1](h[0], h[1])
        top.append(h[1])

torch.testing.assert_close(out, torch.stack(top))
torch.testing.assert_close(h_n, torch.stack(h))
print("out and h_n match two stacked RNNCells:", tuple(out.shape), tuple(h_n.shape))
