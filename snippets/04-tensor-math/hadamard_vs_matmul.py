import torch

a = torch.tensor([[1, 2], [3, 4]])
b = torch.tensor([[5, 6], [7, 8]])

# zh: * 是逐元素乘法（Hadamard 积）：同一位置的两个数相乘
# en: * is the element-wise (Hadamard) product: numbers at the same position multiply
print("a * b:")
print(a * b)

# zh: @ 是矩阵乘法：第 i 行与第 j 列做点积
# en: @ is the matrix product: row i dotted with column j
print("a @ b:")
print(a @ b)

# zh: matmul 与 mm 在二维时和 @ 相同
# en: matmul and mm agree with @ in 2-D
print("matmul == @:", torch.equal(torch.matmul(a, b), a @ b))
print("mm == @:    ", torch.equal(torch.mm(a, b), a @ b))
