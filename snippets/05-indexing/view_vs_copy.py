import torch

x = torch.arange(12).reshape(3, 4)

# zh: 基本切片（整数、start:stop:step）返回视图，与 x 共用内存
# en: basic slicing (integers, start:stop:step) returns a view sharing x's memory
row = x[1]
cols = x[:, ::2]
row[0] = 100
cols[0, 0] = -1
print("x after writing through the views:")
print(x)

# zh: 高级索引（列表、张量、布尔掩码）返回副本
# en: advanced indexing (lists, tensors, boolean masks) returns a copy
picked = x[[1, 2]]
picked[0, 0] = 999
print("picked:")
print(picked)
print("x[1, 0] still:", x[1, 0].item())

print("row shares x's memory:   ", row.untyped_storage().data_ptr() == x.untyped_storage().data_ptr())
print("picked shares x's memory:", picked.untyped_storage().data_ptr() == x.untyped_storage().data_ptr())
