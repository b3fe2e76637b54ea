import torch

x = torch.ones(2, 3)
w = torch.ones(2, 3)

# zh: (2, 3) @ (2, 3)：左边有 3 列，右边只有 2 行
# en: (2, 3) @ (2, 3): the left has 3 columns, the right only 2 rows
try:
    x @ w
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 多半是忘了转置
# en: most often a transpose is missing
print("(x @ w.T).shape:", (x @ w.T).shape)
