import torch

x = torch.arange(12).reshape(3, 4)
b = torch.tensor([10, 20, 30, 40])
print("x.shape:", x.shape, " b.shape:", b.shape)

# zh: b 的形状 (4,) 先补成 (1, 4)，再沿第 0 维复制成 (3, 4)
# en: b's shape (4,) becomes (1, 4), then is repeated along dim 0 to (3, 4)
y = x + b
print("x + b:")
print(y)

# zh: expand 做的正是这件事，而且不复制：步长 0 表示每一行都读同样的 4 个数
# en: expand does exactly this without copying: stride 0 means every row reads the same 4 numbers
stretched = b.reshape(1, 4).expand(3, 4)
print("same as expanding by hand:", torch.equal(y, x + stretched))
print("stretched.stride():", stretched.stride(), " shares b's memory:", stretched.data_ptr() == b.data_ptr())
