import torch
from torch import nn

torch.manual_seed(0)

batch_size, seq_len, input_size, hidden_size = 3, 5, 4, 6
x = torch.randn(batch_size, seq_len, input_size)
gru = nn.GRU(input_size, hidden_size, batch_first=True)
lstm = nn.LSTM(input_size, hidden_size, batch_first=True)

with torch.no_grad():
    out, h_n = gru(x)
    print("GRU   out:", tuple(out.shape), "| h_n:", tuple(h_n.shape))
    # zh: LSTM 多了一个细胞状态 c，返回值的第二项是元组 (h_n, c_n)
    # en: an LSTM also has a cell state c; its second return value is the tuple (h_n, c_n)
    out, (h_n, c_n) = lstm(x)
    print("LSTM  out:", tuple(out.shape), "| h_n:", tuple(h_n.shape), "| c_n:", tuple(c_n.shape))
    print("LSTM out[:, -1] == h_n[0]:", torch.equal(out[:, -1], h_n[0]))
