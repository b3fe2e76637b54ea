import torch
from torch import nn

torch.manual_seed(0)

rnn = nn.RNN(input_size=4, hidden_size=2, num_layers=2, batch_first=True)
x = torch.randn(3, 5, 4)
with torch.no_grad():
    out, h_n = rnn(x)

# zh: 两层叠在一起：第 1 层的输出序列就是第 2 层的输入序列
# en: two stacked layers: the output sequence of layer 1 is the input sequence of layer 2
print("out:", tuple(out.shape), "| h_n:", tuple(h_n.shape))
# zh: out 只来自最上面一层；h_n 给出每一层最后一步的隐藏状态
# en: out comes from the top layer only; h_n has the last hidden state of every layer
print("out[:, -1] == h_n[-1] (top layer):", torch.equal(out[:, -1], h_n[-1]))
print("out[:, -1] == h_n[0] (bottom layer):", torch.equal(out[:, -1], h_n[0]))
