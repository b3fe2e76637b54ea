import numpy as np
import torch

a = np.array([[1.0, 2.0], [3.0, 4.0]])
b = np.arange(3)

x = torch.tensor(a)
y = torch.tensor(b)
# zh: torch.tensor 保留 NumPy 的数据类型：NumPy 的浮点默认是 float64
# en: torch.tensor keeps the NumPy dtype, and NumPy floats default to float64
print("a.dtype:", a.dtype, "-> x.dtype:", x.dtype)
print("b.dtype:", b.dtype, "-> y.dtype:", y.dtype)

# zh: 需要 float32 时，创建时直接指定 dtype
# en: ask for float32 at creation time if that is what you need
x32 = torch.tensor(a, dtype=torch.float32)
print("x32.dtype:", x32.dtype)

# zh: torch.tensor 总是复制数据：之后修改 a 不影响 x
# en: torch.tensor always copies: changing a afterwards does not touch x
a[0, 0] = 100.0
print("a[0, 0]:", a[0, 0], " x[0, 0]:", x[0, 0].item())
