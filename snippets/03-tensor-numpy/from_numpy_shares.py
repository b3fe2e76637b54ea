import numpy as np
import torch

a = np.array([1.0, 2.0, 3.0])
# zh: torch.from_numpy 同样共享内存，数据类型也原样保留
# en: torch.from_numpy also shares memory, and keeps the dtype as it is
x = torch.from_numpy(a)
print("x:", x)
print("same address:", a.ctypes.data == x.data_ptr())

a[0] = -1.0
print("after a[0] = -1  ->  x:", x)
x[2] = 30.0
print("after x[2] = 30  ->  a:", a)
