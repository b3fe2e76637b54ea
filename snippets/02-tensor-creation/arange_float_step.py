import math

import torch

start, end, step = 1.0, 1.3, 0.1
x = torch.arange(start, end, step)
print("arange(1.0, 1.3, 0.1):", x)

# zh: 元素个数是 ceil((end - start) / step)，按双精度计算；0.1 和 1.3 都存不准，商比 3 略大
# en: the count is ceil((end - start) / step) in double precision; 0.1 and 1.3 are inexact, so the quotient is just above 3
count = (end - start) / step
print("(end - start) / step:", count)
print("ceil:", math.ceil(count), " numel:", x.numel())
# zh: 个数与结果的 dtype 无关，换成 float64 也是 4 个
# en: the count does not depend on the result's dtype: float64 gives 4 elements too
print("float64 numel:", torch.arange(start, end, step, dtype=torch.float64).numel())

# zh: 每个元素都直接算成 start + i * step，并不是一路累加出来的
# en: each element is computed directly as start + i * step, not by adding step over and over
i = torch.arange(x.numel())
print("start + i * step:", start + i * step)

# zh: 需要固定个数的点时，用 linspace
# en: when you want a fixed number of points, use linspace
y = torch.linspace(1.0, 1.2, steps=3)
print("linspace(1.0, 1.2, 3):", y)
