import torch

x = torch.arange(12).reshape(3, 4)
top, bottom = x.split([1, 2], dim=0)
left, right = x.chunk(2, dim=1)

# zh: 切分出来的每一块都是 x 的视图：同一块存储，不同的偏移量
# en: every piece is a view of x: same storage, different offsets
for name, piece in [("top", top), ("bottom", bottom), ("left", left), ("right", right)]:
    same = piece.untyped_storage().data_ptr() == x.untyped_storage().data_ptr()
    print(f"{name:6} shape={tuple(piece.shape)} offset={piece.storage_offset()} "
          f"contiguous={piece.is_contiguous()} same storage={same}")

right[0, 0] = 100
print("x after right[0, 0] = 100:")
print(x)

# zh: cat 则总是分配新存储并复制数据
# en: cat, by contrast, always allocates a new storage and copies
y = torch.cat([top, bottom])
print("cat result shares storage with x:", y.untyped_storage().data_ptr() == x.untyped_storage().data_ptr())
