import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(4, 3)

# zh: 参数是需要梯度的叶子张量，直接原地改写会报错
# en: a parameter is a leaf tensor that requires grad: changing it in place fails
try:
    layer.weight.normal_(0, 0.1)
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 直接赋一个普通张量也不行：参数位置只接受 nn.Parameter
# en: assigning a plain tensor fails too: a parameter slot only takes an nn.Parameter
try:
    layer.weight = torch.randn(3, 4)
except TypeError as err:
    print("TypeError:", err)

# zh: 自己改写时要放进 torch.no_grad()
# en: to change it yourself, do it inside torch.no_grad()
with torch.no_grad():
    layer.weight.normal_(0, 0.1)
    layer.bias.zero_()

# zh: nn.init 的函数内部已经用了 no_grad，不必再包一层
# en: nn.init functions already use no_grad inside, no need to wrap them
nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
print("still a Parameter:", isinstance(layer.weight, nn.Parameter), "| requires_grad:", layer.weight.requires_grad,
      "| is_leaf:", layer.weight.is_leaf)
print("grad mode enabled:", torch.is_grad_enabled())
