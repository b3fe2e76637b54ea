import math

import torch
from torch import nn

torch.manual_seed(0)
fan_in, fan_out = 512, 256
w = torch.empty(fan_out, fan_in)
# zh: 每种初始化的理论标准差；He 初始化默认按 fan_in 计算
# en: the theoretical std of each initialisation; He initialisation uses fan_in by default
rules = {
    "xavier_uniform_": (nn.init.xavier_uniform_, math.sqrt(2 / (fan_in + fan_out))),
    "xavier_normal_": (nn.init.xavier_normal_, math.sqrt(2 / (fan_in + fan_out))),
    "kaiming_uniform_": (lambda t: nn.init.kaiming_uniform_(t, nonlinearity="relu"), math.sqrt(2 / fan_in)),
    "kaiming_normal_": (lambda t: nn.init.kaiming_normal_(t, nonlinearity="relu"), math.sqrt(2 / fan_in)),
}
for name, (init_fn, std) in rules.items():
    init_fn(w)
    print(f"{name:<17} std {w.std().item():.4f} | formula {std:.4f}")

# zh: 增益（gain）补偿激活函数对方差的改变
# en: the gain makes up for how the activation function changes the variance
for act in ["linear", "tanh", "relu"]:
    print(f"calculate_gain({act!r}) = {nn.init.calculate_gain(act):.4f}")
