import torch

x = torch.tensor([[10, 20, 30], [40, 50, 60]])
print("x:")
print(x)

storage = x.untyped_storage()
print("storage bytes:", storage.nbytes())
print("bytes per element:", x.element_size())
print("x.stride():", x.stride())
print("x.storage_offset():", x.storage_offset())

# zh: 把整块存储当作一维张量读出来：形状 (6,)、步长 (1,)、偏移 0
# en: read the whole storage as a 1-D tensor: shape (6,), stride (1,), offset 0
flat = x.as_strided((storage.nbytes() // x.element_size(),), (1,), 0)
print("storage as 1-D:", flat)

# zh: 元素 x[i, j] 位于存储的 offset + i*stride[0] + j*stride[1] 处
# en: element x[i, j] sits at offset + i*stride[0] + j*stride[1]
s0, s1 = x.stride()
for i in range(2):
    for j in range(3):
        pos = x.storage_offset() + i * s0 + j * s1
        print(f"x[{i}, {j}] = {x[i, j].item()} -> storage[{pos}] = {flat[pos].item()}")
