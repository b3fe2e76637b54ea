import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

embedding = nn.Embedding(num_embeddings=4, embedding_dim=3)
idx = torch.tensor([1, 0, 2, 2, 3])

# zh: 嵌入层要的是整数索引，不是独热向量
# en: an embedding layer wants integer indices, not one-hot vectors
try:
    embedding(F.one_hot(idx, num_classes=4).float())
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 索引必须小于 num_embeddings
# en: every index must be smaller than num_embeddings
try:
    embedding(torch.tensor([4]))
except IndexError as err:
    print("IndexError:", err)
