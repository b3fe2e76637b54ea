import numpy as np
import torch

a = np.array([1, 2, 3])
# zh: torch.tensor 总是复制数据
# en: torch.tensor always copies the data
x = torch.tensor(a)
print("same address:", a.ctypes.data == x.data_ptr())

a[0] = 100
print("a:", a)
print("x:", x)
