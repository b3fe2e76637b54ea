import torch

a = torch.tensor([[1, 2, 3], [4, 5, 6]])
b = torch.tensor([[7, 8, 9], [10, 11, 12]])

# zh: dim=0：b 的行接在 a 的行下面
# en: dim=0: the rows of b go below the rows of a
print("torch.cat([a, b], dim=0):")
print(torch.cat([a, b], dim=0))

# zh: dim=1：b 的列接在 a 的列右边
# en: dim=1: the columns of b go to the right of the columns of a
print("torch.cat([a, b], dim=1):")
print(torch.cat([a, b], dim=1))
