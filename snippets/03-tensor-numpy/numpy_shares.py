import torch

x = torch.tensor([1, 2, 3])
# zh: .numpy() 不复制数据，数组和张量用的是同一块内存
# en: .numpy() copies nothing: the array and the tensor use the same memory
a = x.numpy()
print("same address:", a.ctypes.data == x.data_ptr())

# zh: 通过数组写入，张量跟着变
# en: write through the array, and the tensor changes
a[0] = 100
print("after a[0] = 100  ->  x:", x)

# zh: 反过来，通过张量写入，数组也跟着变
# en: and the other way round: write through the tensor, and the array changes
x[1] = 200
print("after x[1] = 200  ->  a:", a)
