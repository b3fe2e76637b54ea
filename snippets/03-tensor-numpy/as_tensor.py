import numpy as np
import torch

a = np.array([1.0, 2.0, 3.0])  # float64

# zh: 数据类型和设备都不变时，as_tensor 直接共享内存
# en: with the same dtype and device, as_tensor shares memory
shared = torch.as_tensor(a)
# zh: 要求换成 float32 时，只能转换并复制
# en: asking for float32 forces a conversion, which is a copy
copied = torch.as_tensor(a, dtype=torch.float32)

print("shared.dtype:", shared.dtype, " same address:", shared.data_ptr() == a.ctypes.data)
print("copied.dtype:", copied.dtype, " same address:", copied.data_ptr() == a.ctypes.data)

a[0] = 100.0
print("shared:", shared)
print("copied:", copied)
