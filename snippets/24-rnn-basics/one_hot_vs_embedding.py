import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

idx = torch.tensor([1, 0, 2, 2, 3])  # "hello"
one_hot = F.one_hot(idx, num_classes=4).float()
embedding = nn.Embedding(num_embeddings=4, embedding_dim=3)

print("one-hot:", tuple(one_hot.shape), "fixed, requires_grad =", one_hot.requires_grad)
print("embedding.weight:", tuple(embedding.weight.shape), "learned, requires_grad =",
      embedding.weight.requires_grad)

# zh: 查表等价于“独热向量 @ 嵌入矩阵”：独热向量把矩阵的某一行挑出来
# en: a lookup equals one-hot @ embedding matrix: the one-hot vector picks one row
looked_up = embedding(idx)
by_matmul = one_hot @ embedding.weight
print("embedding(idx):", tuple(looked_up.shape))
torch.testing.assert_close(looked_up, by_matmul)
print("embedding(idx) == one_hot @ weight")

# zh: 词表很大时差别就明显了：一个 32×20 的批量，词表 50000，嵌入维度 128
# en: with a large vocabulary the difference shows: a 32×20 batch, 50000 words, 128-dim embeddings
tokens, vocab, dim = 32 * 20, 50_000, 128
print(f"one-hot batch: {tokens * vocab * 4 / 2**20:.1f} MiB | embedded batch: {tokens * dim * 4 / 2**20:.2f} MiB")
