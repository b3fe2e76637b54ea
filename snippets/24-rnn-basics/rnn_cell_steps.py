import torch
from torch import nn

torch.manual_seed(0)

seq_len, batch_size, input_size, hidden_size = 3, 1, 4, 2
cell = nn.RNNCell(input_size=input_size, hidden_size=hidden_size)

# zh: 序列按时间步排在第 0 维：(seq_len, batch, input_size)
# en: the sequence runs along dim 0: (seq_len, batch, input_size)
xs = torch.randn(seq_len, batch_size, input_size)
h = torch.zeros(batch_size, hidden_size)
with torch.no_grad():
    for t, x in enumerate(xs):
        # zh: 每一步吃进当前输入和上一步的隐藏状态，吐出新的隐藏状态
        # en: each step takes the current input and the previous hidden state, and returns the new hidden state
        h = cell(x, h)
        print(f"step {t}: x {tuple(x.shape)} -> h {tuple(h.shape)} =", h)
