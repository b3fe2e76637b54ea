import torch
from torch import nn

torch.manual_seed(0)

batch_size, seq_len, input_size, hidden_size = 3, 5, 4, 2
rnn = nn.RNN(input_size=input_size, hidden_size=hidden_size, batch_first=True)

# zh: batch_first=True：输入和输出都把批量放在第 0 维
# en: batch_first=True: input and output put the batch on dim 0
x = torch.randn(batch_size, seq_len, input_size)
with torch.no_grad():
    out, h_n = rnn(x)
print("x:  ", tuple(x.shape), "(batch, seq_len, input_size)")
print("out:", tuple(out.shape), "(batch, seq_len, hidden_size)")
# zh: 但 h_n 不受 batch_first 影响，仍是 (num_layers, batch, hidden_size)
# en: but h_n ignores batch_first: it is still (num_layers, batch, hidden_size)
print("h_n:", tuple(h_n.shape), "(num_layers, batch, hidden_size)")
print("out[:, -1] == h_n[0]:", torch.equal(out[:, -1], h_n[0]))
