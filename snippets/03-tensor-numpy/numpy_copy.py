import torch

x = torch.tensor([1, 2, 3])
# zh: .copy() 会另外分配一块内存，得到一个独立的数组
# en: .copy() allocates new memory, so the array is independent
a = x.numpy().copy()
print("same address:", a.ctypes.data == x.data_ptr())

a[0] = 100
print("a:", a)
print("x:", x)
