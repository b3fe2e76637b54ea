import torch

x = torch.arange(16).reshape(4, 4)
i = torch.arange(4)

# zh: 行、列用同一个索引张量配对，取到 (0,0) (1,1) (2,2) (3,3)
# en: pair rows and columns with the same index tensor: (0,0) (1,1) (2,2) (3,3)
diag = x[i, i]
anti = x[i, 3 - i]
print("diag:", diag)
print("anti:", anti)

assert torch.equal(diag, torch.diagonal(x))
assert torch.equal(anti, torch.diagonal(torch.flip(x, dims=[1])))
