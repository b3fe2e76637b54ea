import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)

words = ["mizu", "wasser", "acqua", "ie"]
chars = sorted(set("".join(words)))
seqs = [torch.tensor([chars.index(c) + 1 for c in w]) for w in words]
lengths = torch.tensor([len(s) for s in seqs])
padded = pad_sequence(seqs, batch_first=True)
embedding = nn.Embedding(len(chars) + 1, 3, padding_idx=0)
gru = nn.GRU(input_size=3, hidden_size=5, batch_first=True)

with torch.no_grad():
    x = embedding(padded)
    # zh: 参照答案：每个单词单独送进 GRU，没有任何填充
    # en: the reference: each word through the GRU on its own, no padding at all
    h_alone = torch.cat([gru(embedding(s).unsqueeze(0))[1] for s in seqs], dim=1)
    _, h_padded = gru(x)
    _, h_packed = gru(pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False))

# zh: h_n 按原来的顺序返回，可以直接逐个比较
# en: h_n comes back in the original order, so you can compare word by word
for i, word in enumerate(words):
    same_padded = torch.allclose(h_padded[0, i], h_alone[0, i])
    same_packed = torch.allclose(h_packed[0, i], h_alone[0, i])
    print(f"{word:<7} length {lengths[i]}  padded == alone: {same_padded!s:<5}  packed == alone: {same_packed}")
