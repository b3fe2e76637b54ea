import torch

x = torch.tensor([[10, 20, 30], [40, 50, 60]])
xt = x.transpose(0, 1)

print("x.shape:", x.shape, "x.stride():", x.stride())
print("xt.shape:", xt.shape, "xt.stride():", xt.stride())
print("same storage:", xt.untyped_storage().data_ptr() == x.untyped_storage().data_ptr())
print("same first element:", xt.data_ptr() == x.data_ptr())
print("x.T equals x.transpose(0, 1):", torch.equal(x.T, xt))

# zh: 转置只是换了步长：用 as_strided 手工指定同样的步长，得到同样的结果
# en: a transpose is only new strides: as_strided with the same strides gives the same result
print("equals as_strided((3, 2), (1, 3)):", torch.equal(xt, x.as_strided((3, 2), (1, 3))))

# zh: 共享存储，所以写入 xt 会改到 x
# en: the storage is shared, so writing to xt changes x
xt[0, 1] = -1
print("x after xt[0, 1] = -1:")
print(x)
