import torch

col = torch.tensor([[0], [10], [20]])  # (3, 1)
row = torch.tensor([[1, 2, 3, 4]])  # (1, 4)

# zh: 两边都被拉伸：col 沿列方向复制，row 沿行方向复制
# en: both sides stretch: col repeats across columns, row repeats down rows
print("col + row:\n", col + row)
print("broadcast_shapes:", torch.broadcast_shapes(col.shape, row.shape))

# zh: 维度数不同时，从右往左对齐，缺的维度当作 1
# en: with different numbers of dims, align from the right; missing dims count as 1
print("(2, 3, 1) with (4,):", torch.broadcast_shapes((2, 3, 1), (4,)))
print("(5, 1, 4) with (3, 1):", torch.broadcast_shapes((5, 1, 4), (3, 1)))
