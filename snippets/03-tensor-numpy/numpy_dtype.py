import numpy as np
import torch

a = np.array([0.1, 0.2, 0.3])
# zh: NumPy 的浮点数组默认是 float64，转换后仍是 float64
# en: NumPy floats default to float64, and the tensor keeps float64
x = torch.from_numpy(a)
print("a.dtype:", a.dtype, " x.dtype:", x.dtype)
print("bytes per element:", x.element_size())

# zh: PyTorch 自己创建的浮点张量默认是 float32
# en: floats that PyTorch creates itself default to float32
w = torch.tensor([0.5, 0.5, 0.5])
print("w.dtype:", w.dtype)
print("(x * w).dtype:", (x * w).dtype)

# zh: 需要 float32 时，显式转换（这一步会复制数据）
# en: convert explicitly when you want float32 (this step copies)
x32 = torch.from_numpy(a).float()
print("x32.dtype:", x32.dtype, " bytes per element:", x32.element_size())
