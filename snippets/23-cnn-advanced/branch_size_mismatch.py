import torch
from torch import nn

torch.manual_seed(0)

x = torch.randn(1, 16, 8, 8)
branch3 = nn.Conv2d(16, 16, kernel_size=3, padding=1)
# zh: 5×5 的分支写成了 padding=1（应为 2），输出变成 6×6
# en: the 5×5 branch uses padding=1 (it should be 2), so its output is 6×6
branch5 = nn.Conv2d(16, 4, kernel_size=5, padding=1)
print("branch3:", tuple(branch3(x).shape), "| branch5:", tuple(branch5(x).shape))
try:
    torch.cat([branch3(x), branch5(x)], dim=1)
except RuntimeError as err:
    print("RuntimeError:", err)
