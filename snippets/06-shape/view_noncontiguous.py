import torch

a = torch.arange(12).reshape(3, 4)
at = a.T
print("at.shape:", at.shape, "at.stride():", at.stride(), "contiguous:", at.is_contiguous())

# zh: 把第 0 维（长 4、步长 1）拆成 (2, 2)，步长 (2, 1) 就能表示，所以 view 成功
# en: splitting dim 0 (size 4, stride 1) into (2, 2) needs only strides (2, 1), so view works
v = at.view(2, 2, 3)
print("at.view(2, 2, 3).stride():", v.stride())
print("shares storage with a:", v.untyped_storage().data_ptr() == a.untyped_storage().data_ptr())

# zh: 把两维合成一维则要求它们在内存里首尾相接，这里不满足
# en: merging two dims needs them to follow each other in memory, which they do not here
try:
    at.view(12)
except RuntimeError as err:
    print("RuntimeError:", err)
