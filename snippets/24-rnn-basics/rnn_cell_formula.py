import torch
from torch import nn

torch.manual_seed(0)

cell = nn.RNNCell(input_size=4, hidden_size=2)
print("weight_ih:", tuple(cell.weight_ih.shape), "| weight_hh:", tuple(cell.weight_hh.shape))
print("bias_ih:", tuple(cell.bias_ih.shape), "| bias_hh:", tuple(cell.bias_hh.shape))

x = torch.randn(1, 4)
h = torch.randn(1, 2)
with torch.no_grad():
    h_next = cell(x, h)
    # zh: h' = tanh(W_ih x + b_ih + W_hh h + b_hh)，按行向量写成 x @ W.T
    # en: h' = tanh(W_ih x + b_ih + W_hh h + b_hh), written for row vectors as x @ W.T
    by_hand = torch.tanh(x @ cell.weight_ih.T + cell.bias_ih + h @ cell.weight_hh.T + cell.bias_hh)
print("RNNCell:", h_next)
print("by hand:", by_hand)
torch.testing.assert_close(h_next, by_hand)
