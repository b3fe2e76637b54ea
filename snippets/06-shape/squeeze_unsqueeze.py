import torch

v = torch.tensor([1, 2, 3])
print("v.shape:", v.shape)

# zh: unsqueeze(d) 在位置 d 插入一个长度为 1 的维度
# en: unsqueeze(d) inserts a dim of size 1 at position d
print("v.unsqueeze(0).shape:", v.unsqueeze(0).shape)
print("v.unsqueeze(1).shape:", v.unsqueeze(1).shape)
print("v.unsqueeze(-1).shape:", v.unsqueeze(-1).shape)

x = torch.zeros(1, 3, 1)
# zh: 不带参数的 squeeze() 去掉所有长度为 1 的维度
# en: squeeze() with no argument drops every dim of size 1
print("x.squeeze().shape:", x.squeeze().shape)
print("x.squeeze(0).shape:", x.squeeze(0).shape)
print("x.squeeze((0, 2)).shape:", x.squeeze((0, 2)).shape)

# zh: 指定的维度长度不是 1 时，squeeze 不报错，原样返回
# en: squeezing a dim whose size is not 1 is silently a no-op
print("x.squeeze(1).shape:", x.squeeze(1).shape)

# zh: 两者都只改形状，不复制数据
# en: both only change the shape; no data is copied
print("shares storage:", v.unsqueeze(0).untyped_storage().data_ptr() == v.untyped_storage().data_ptr())
