import torch
from torch import nn

images = torch.zeros(2, 3, 4, 5)

# zh: flatten() 把所有维度合成一维
# en: flatten() merges all dims into one
print("images.flatten().shape:", images.flatten().shape)

# zh: start_dim=1 保留批量维，把每个样本摊平
# en: start_dim=1 keeps the batch dim and flattens each sample
print("images.flatten(start_dim=1).shape:", images.flatten(start_dim=1).shape)
print("images.flatten(1, 2).shape:", images.flatten(1, 2).shape)

# zh: nn.Flatten 是同一操作的层版本，默认 start_dim=1
# en: nn.Flatten is the layer form of the same op, with start_dim=1 by default
print("nn.Flatten()(images).shape:", nn.Flatten()(images).shape)

# zh: 与 reshape 一样：能共享就共享，不能就复制
# en: like reshape, it shares when it can and copies when it must
nhwc = images.permute(0, 2, 3, 1)
flat = images.flatten(1)
print("images.flatten(1) shares storage:", flat.untyped_storage().data_ptr() == images.untyped_storage().data_ptr())
flat = nhwc.flatten(1)
print("nhwc.flatten(1) shares storage:", flat.untyped_storage().data_ptr() == nhwc.untyped_storage().data_ptr())
