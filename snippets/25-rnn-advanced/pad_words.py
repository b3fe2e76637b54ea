import torch
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)

words = ["mizu", "wasser", "acqua", "ie"]
chars = sorted(set("".join(words)))
# zh: 索引从 1 开始，0 留给填充
# en: indices start at 1; 0 is kept for padding
char_to_idx = {c: i + 1 for i, c in enumerate(chars)}

# zh: 每个单词变成一个长度不同的索引张量
# en: every word becomes an index tensor of its own length
seqs = [torch.tensor([char_to_idx[c] for c in w]) for w in words]
lengths = torch.tensor([len(s) for s in seqs])
print("lengths:", lengths.tolist())

# zh: pad_sequence 用 0 把短序列补到最长序列的长度，堆叠成一个矩形张量
# en: pad_sequence fills short sequences with 0 up to the longest one and stacks them into one rectangle
padded = pad_sequence(seqs, batch_first=True, padding_value=0)
print("padded:", tuple(padded.shape))
print(padded)
print("real tokens:", lengths.sum().item(), "of", padded.numel())
