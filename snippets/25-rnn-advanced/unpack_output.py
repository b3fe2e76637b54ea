import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)

words = ["mizu", "wasser", "acqua", "ie"]
chars = sorted(set("".join(words)))
seqs = [torch.tensor([chars.index(c) + 1 for c in w]) for w in words]
lengths = torch.tensor([len(s) for s in seqs])
embedding = nn.Embedding(len(chars) + 1, 3, padding_idx=0)
gru = nn.GRU(input_size=3, hidden_size=2, batch_first=True)

with torch.no_grad():
    packed = pack_padded_sequence(embedding(pad_sequence(seqs, batch_first=True)), lengths,
                                  batch_first=True, enforce_sorted=False)
    packed_out, h_n = gru(packed)
    # zh: 输出也是打包的；pad_packed_sequence 把它还原成矩形张量，填充位置为 0
    # en: the output is packed too; pad_packed_sequence turns it back into a rectangle with zeros at the pads
    out, out_lengths = pad_packed_sequence(packed_out, batch_first=True)
print("out:", tuple(out.shape), "| lengths:", out_lengths.tolist())
print("out for 'ie' (length 2):\n", out[3])
print("last real step == h_n:", torch.equal(out[3, 1], h_n[0, 3]))
