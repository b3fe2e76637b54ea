import torch

x = torch.tensor([[1.0, 3.0], [2.0, 2.0], [4.0, 0.0]])  # (3, 2)

# zh: 让每一行除以该行之和：行和的形状是 (3,)，与 (3, 2) 广播不了
# en: divide each row by its sum: the row sums have shape (3,), which (3, 2) rejects
try:
    x / x.sum(dim=1)
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 保留维度后形状是 (3, 1)，正好沿列广播
# en: with keepdim the shape is (3, 1), which broadcasts across the columns
p = x / x.sum(dim=1, keepdim=True)
print("p:")
print(p)
print("row sums:", p.sum(dim=1))
