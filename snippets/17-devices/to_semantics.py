import torch
from torch import nn

torch.manual_seed(0)

# zh: 张量的 .to() 返回新张量，原张量不变
# en: a tensor's .to() returns a new tensor and leaves the original alone
x = torch.randn(3)
x.to(torch.float64)
print("after x.to(...), x.dtype:", x.dtype)
x = x.to(torch.float64)
print("after x = x.to(...), x.dtype:", x.dtype)

# zh: 已经满足要求时，.to() 直接返回原张量，不复制
# en: when nothing needs to change, .to() returns the same tensor without copying
print("x.to(x.device) is x:", x.to(x.device) is x)

# zh: 模块的 .to() 原地修改参数，并返回模块自身
# en: a module's .to() changes its parameters in place and returns the module itself
model = nn.Linear(3, 1)
result = model.to(torch.float64)
print("model.to(...) is model:", result is model)
print("model.weight.dtype:", model.weight.dtype)
