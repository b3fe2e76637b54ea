import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # (2, 3)
w = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])  # (3, 2)

# zh: (2, 3) @ (3, 2) -> (2, 2)：中间的 3 必须相等，并在乘法中消失
# en: (2, 3) @ (3, 2) -> (2, 2): the inner 3s must match and disappear
y = x @ w
print("y.shape:", y.shape)
print(y)

# zh: 矩阵乘向量：(2, 3) @ (3,) -> (2,)
# en: matrix times vector: (2, 3) @ (3,) -> (2,)
v = torch.tensor([1.0, 1.0, 1.0])
print("x @ v:", x @ v, " torch.mv:", torch.mv(x, v))

# zh: 两个向量：(3,) @ (3,) 是点积，得到 0 维张量
# en: two vectors: (3,) @ (3,) is the dot product, a 0-d tensor
print("v @ v:", v @ v, " torch.dot:", torch.dot(v, v))
