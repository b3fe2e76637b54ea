import math

import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(256, 128)

# zh: 用同一个种子，按 nn.Linear.reset_parameters 的做法自己初始化一遍
# en: with the same seed, initialise by hand the way nn.Linear.reset_parameters does
torch.manual_seed(0)
w = torch.empty(128, 256)
nn.init.kaiming_uniform_(w, a=math.sqrt(5))
fan_in = w.shape[1]
bound = 1 / math.sqrt(fan_in)
b = torch.empty(128).uniform_(-bound, bound)
print("weight equal:", torch.equal(layer.weight, w), "| bias equal:", torch.equal(layer.bias, b))

# zh: a=sqrt(5) 时增益是 sqrt(2/(1+5)) = sqrt(1/3)，均匀分布的上界化简为 1/sqrt(fan_in)
# en: with a=sqrt(5) the gain is sqrt(2/(1+5)) = sqrt(1/3), and the uniform bound simplifies to 1/sqrt(fan_in)
gain = nn.init.calculate_gain("leaky_relu", math.sqrt(5))
print(f"gain {gain:.4f} | bound gain*sqrt(3/fan_in) = {gain * math.sqrt(3 / fan_in):.4f} | "
      f"1/sqrt(fan_in) = {bound:.4f}")
print(f"max |w| {layer.weight.abs().max().item():.4f} | std {layer.weight.std().item():.4f} | "
      f"1/sqrt(3*fan_in) = {1 / math.sqrt(3 * fan_in):.4f}")
