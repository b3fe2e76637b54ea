import torch
from torch import nn

torch.manual_seed(0)

conv = nn.Conv2d(16, 16, kernel_size=3, padding=1)
fan_in = conv.weight[0].numel()
# zh: PyTorch 默认的初始化：权重的标准差是 1/sqrt(3·fan_in)，fan_in = 16×3×3 = 144
# en: PyTorch's default initialisation: weight std 1/sqrt(3·fan_in), with fan_in = 16×3×3 = 144
print(f"default: weight std {conv.weight.std().item():.3f} | 1/sqrt(3*fan_in) = {(3 * fan_in) ** -0.5:.3f}")

# zh: Kaiming（He）初始化：标准差 sqrt(2/fan_in)，正好补上 ReLU 砍掉的那一半信号
# en: Kaiming (He) initialisation: std sqrt(2/fan_in), which makes up for the half of the signal that ReLU cuts
nn.init.kaiming_normal_(conv.weight, nonlinearity="relu")
nn.init.zeros_(conv.bias)
print(f"Kaiming: weight std {conv.weight.std().item():.3f} | sqrt(2/fan_in)   = {(2 / fan_in) ** 0.5:.3f}")


def init_kaiming(module):
    if isinstance(module, (nn.Conv2d, nn.Linear)):
        nn.init.kaiming_normal_(module.weight, nonlinearity="relu")
        nn.init.zeros_(module.bias)


# zh: model.apply(fn) 对模型的每个子模块各调用一次 fn
# en: model.apply(fn) calls fn once on every submodule of the model
model = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 16, 3, padding=1), nn.ReLU())
model.apply(init_kaiming)
for i in (0, 2):
    w = model[i].weight
    print(f"model[{i}]: fan_in {w[0].numel():3d} | weight std {w.std().item():.3f} | sqrt(2/fan_in) = "
          f"{(2 / w[0].numel()) ** 0.5:.3f} | bias all zero: {bool((model[i].bias == 0).all())}")
