import torch

x = torch.arange(24).reshape(2, 3, 4)
print("x.stride():", x.stride())

# zh: 用步长算出 x[1, 2, 3] 在存储中的偏移量
# en: use the strides to find the offset of x[1, 2, 3] in the storage
index = (1, 2, 3)
offset = sum(i * s for i, s in zip(index, x.stride()))
print("offset of x[1, 2, 3]:", offset)
assert x.flatten()[offset] == x[index]

# zh: permute 之后同一个元素换了索引，偏移量不变
# en: after permute the same element has a new index but the same offset
p = x.permute(2, 0, 1)
p_index = (3, 1, 2)
p_offset = sum(i * s for i, s in zip(p_index, p.stride()))
print("p.stride():", p.stride(), "offset of p[3, 1, 2]:", p_offset)
assert p_offset == offset and p[p_index] == x[index]
print("x[1, 2, 3] == p[3, 1, 2] ==", x[index].item())
