import torch
from torch import nn

torch.manual_seed(0)

seq_len, batch_size, input_size, hidden_size = 5, 3, 4, 2
rnn = nn.RNN(input_size=input_size, hidden_size=hidden_size)

x = torch.randn(seq_len, batch_size, input_size)
h0 = torch.zeros(1, batch_size, hidden_size)  # (num_layers, batch, hidden_size)
with torch.no_grad():
    out, h_n = rnn(x, h0)

# zh: out 是每个时间步的隐藏状态；h_n 只有最后一步
# en: out holds the hidden state at every time step; h_n only the last one
print("x:  ", tuple(x.shape), "(seq_len, batch, input_size)")
print("out:", tuple(out.shape), "(seq_len, batch, hidden_size)")
print("h_n:", tuple(h_n.shape), "(num_layers, batch, hidden_size)")
print("out[-1] == h_n[0]:", torch.equal(out[-1], h_n[0]))
