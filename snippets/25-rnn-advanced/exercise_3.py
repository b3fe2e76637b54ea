import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)

x = torch.randn(4, 6, 16)  # (batch, max_len, embedding_dim)
lengths = torch.tensor([4, 6, 5, 2])
gru = nn.GRU(16, 32, batch_first=True)
bigru = nn.GRU(16, 32, batch_first=True, bidirectional=True)

with torch.no_grad():
    out, h_n = bigru(pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))
print("h_n:", tuple(h_n.shape), "(num_layers * 2, batch, hidden_size)")
# zh: h_n[-2] 是正向读到最后一个字符的状态，h_n[-1] 是反向读回第一个字符的状态
# en: h_n[-2] is the forward state after the last character, h_n[-1] the backward state after the first
features = torch.cat([h_n[-2], h_n[-1]], dim=1)
print("features for the classifier:", tuple(features.shape))

n_uni = sum(p.numel() for p in gru.parameters())
n_bi = sum(p.numel() for p in bigru.parameters())
print("parameters: one direction", n_uni, "| bidirectional", n_bi)
assert n_bi == 2 * n_uni
