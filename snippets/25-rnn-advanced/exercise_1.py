import torch
from torch import nn

torch.manual_seed(0)

cell = nn.GRUCell(input_size=4, hidden_size=3)
x, h = torch.randn(1, 4), torch.randn(1, 3)

with torch.no_grad():
    h_next = cell(x, h)
    # zh: 三组权重按 重置门 r、更新门 z、候选值 n 的顺序叠在一起
    # en: the three weight sets are stacked in the order reset gate r, update gate z, candidate n
    xi_r, xi_z, xi_n = (x @ cell.weight_ih.T + cell.bias_ih).chunk(3, dim=1)
    hh_r, hh_z, hh_n = (h @ cell.weight_hh.T + cell.bias_hh).chunk(3, dim=1)
    r = torch.sigmoid(xi_r + hh_r)
    z = torch.sigmoid(xi_z + hh_z)
    n = torch.tanh(xi_n + r * hh_n)
    by_hand = (1 - z) * n + z * h

print("GRUCell:", h_next)
print("by hand:", by_hand)
torch.testing.assert_close(h_next, by_hand)
