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
# zh: 打包：告诉 RNN 每个序列的真实长度；enforce_sorted=False 表示不必事先按长度排序
# en: packing tells the RNN the real length of each sequence; enforce_sorted=False means no need to sort first
packed = pack_padded_sequence(embedding(padded), lengths, batch_first=True, enforce_sorted=False)
print("packed.data:", tuple(packed.data.shape))
print("batch_sizes:", packed.batch_sizes.tolist())
print("sorted_indices:", packed.sorted_indices.tolist(), "->", [words[i] for i in packed.sorted_indices])
print("steps computed:", packed.batch_sizes.sum().item(), "| padded steps:", padded.numel())
