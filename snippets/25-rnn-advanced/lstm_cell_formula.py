import torch
from torch import nn

torch.manual_seed(0)

cell = nn.LSTMCell(input_size=4, hidden_size=3)
x, h, c = torch.randn(1, 4), torch.randn(1, 3), torch.randn(1, 3)

with torch.no_grad():
    h_next, c_next = cell(x, (h, c))
    # zh: 四组权重按 输入门 i、遗忘门 f、候选值 g、输出门 o 的顺序叠在一起
    # en: the four weight sets are stacked in the order input gate i, forget gate f, candidate g, output gate o
    gates = x @ cell.weight_ih.T + cell.bias_ih + h @ cell.weight_hh.T + cell.bias_hh
    i, f, g, o = gates.chunk(4, dim=1)
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c_by_hand = f * c + i * g
    h_by_hand = o * torch.tanh(c_by_hand)

print("weight_ih:", tuple(cell.weight_ih.shape), "= (4 * hidden_size, input_size)")
print("forget gate f:", f)
torch.testing.assert_close(c_next, c_by_hand)
torch.testing.assert_close(h_next, h_by_hand)
print("c' = f*c + i*g and h' = o*tanh(c') match LSTMCell")
