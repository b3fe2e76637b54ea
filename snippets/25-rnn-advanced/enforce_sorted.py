import torch
from torch.nn.utils.rnn import pack_padded_sequence

torch.manual_seed(0)

x = torch.randn(4, 6, 3)  # (batch, max_len, input_size)
lengths = torch.tensor([4, 6, 5, 2])

# zh: enforce_sorted 默认为 True，要求长度从大到小排好
# en: enforce_sorted defaults to True and requires lengths in decreasing order
try:
    pack_padded_sequence(x, lengths, batch_first=True)
except RuntimeError as err:
    print("RuntimeError:", err)

packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
print("enforce_sorted=False -> batch_sizes:", packed.batch_sizes.tolist())
