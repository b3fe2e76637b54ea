import torch

x = torch.tensor([[10, 20, 30], [40, 50, 60]])
xt = x.T
print("x.is_contiguous():", x.is_contiguous())
print("xt.is_contiguous():", xt.is_contiguous())

# zh: x 是连续的，view 直接给出同一存储上的新形状
# en: x is contiguous, so view gives a new shape over the same storage
print("x.view(6):", x.view(6))

# zh: xt 按行读取要在存储里来回跳，view 无法把它摊平成一维
# en: reading xt row by row jumps around the storage, so view cannot flatten it
try:
    xt.view(6)
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: contiguous() 按当前的逻辑顺序复制出一块新存储
# en: contiguous() copies the elements, in logical order, into a new storage
xc = xt.contiguous()
print("xc.is_contiguous():", xc.is_contiguous(), "xc.stride():", xc.stride())
print("xc shares storage with x:", xc.untyped_storage().data_ptr() == x.untyped_storage().data_ptr())
print("xc.view(6):", xc.view(6))

# zh: 对已经连续的张量，contiguous() 原样返回，不复制
# en: on an already contiguous tensor, contiguous() returns the tensor itself
print("x.contiguous() is x:", x.contiguous() is x)
