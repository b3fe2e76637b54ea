import torch

x = torch.arange(12).reshape(3, 4)
row = x[1]
col = x[:, 2]
block = x[1:, 2:]

# zh: 内存地址每次运行都不同，所以只打印“相对 x 的字节差”和比较结果
# en: addresses change from run to run, so print byte differences and comparisons only
for name, t in [("x[1]", row), ("x[:, 2]", col), ("x[1:, 2:]", block)]:
    same = t.untyped_storage().data_ptr() == x.untyped_storage().data_ptr()
    print(f"{name:10} shape={tuple(t.shape)} stride={t.stride()} "
          f"offset={t.storage_offset()} bytes from x={t.data_ptr() - x.data_ptr()} "
          f"same storage={same}")

# zh: 切片是视图：通过它写入，x 跟着变
# en: a slice is a view: writing through it changes x
block[0, 0] = 100
print("x after block[0, 0] = 100:")
print(x)

# zh: 用列表做的高级索引则会复制
# en: advanced indexing with a list copies instead
picked = x[[0, 2]]
print("x[[0, 2]] same storage:", picked.untyped_storage().data_ptr() == x.untyped_storage().data_ptr())
