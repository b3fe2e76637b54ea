import numpy as np
import torch

a = np.arange(5)
# zh: a[::-1] 是一个步长为负的视图，PyTorch 的张量不支持负步长
# en: a[::-1] is a view with a negative stride, which tensors do not support
reversed_view = a[::-1]
print("strides:", reversed_view.strides)
try:
    torch.from_numpy(reversed_view)
except ValueError as err:
    print("ValueError:", err)

# zh: 先在 NumPy 里复制成普通数组，再转换
# en: make a plain copy in NumPy first, then convert
x = torch.from_numpy(reversed_view.copy())
print("x:", x)
