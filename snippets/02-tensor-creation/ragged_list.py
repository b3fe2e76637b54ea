import torch

# zh: 每一行的长度必须相同，张量是“方方正正”的
# en: every row must have the same length: a tensor is rectangular
try:
    torch.tensor([[1, 2, 3], [4, 5]])
except ValueError as err:
    print("ValueError:", err)
