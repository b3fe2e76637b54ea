import math

import torch

torch.manual_seed(0)

# zh: 各分量服从标准正态分布，点积的标准差约为 sqrt(d)；最大权重超过 0.99 的行算作“饱和”
# en: standard normal entries: q·k has a std near sqrt(d); a row with its largest weight above 0.99 is "saturated"
saturated = {}
for d in (4, 64, 512):
    q, k = torch.randn(2, 1000, 10, d).unbind(0)
    raw = q @ k.transpose(-2, -1)
    for name, scores in [("unscaled", raw), ("scaled", raw / math.sqrt(d))]:
        saturated[name, d] = (scores.softmax(-1).amax(-1) > 0.99).float().mean().item()
    print(f"d={d:<3}  std of q·k: {raw.std():5.1f}  | rows with largest weight > 0.99: "
          f"unscaled {saturated['unscaled', d]:4.0%}, scaled {saturated['scaled', d]:4.0%}")

# zh: 两种写法都对同一个变量 q 求梯度（损失是输出与一个随机张量的内积），每行得到一个范数
# en: both take the gradient of the same variable, q (loss: output dotted with a random tensor); one norm per row
d = 512
q, k, v = torch.randn(3, 1000, 10, d).unbind(0)
upstream = torch.randn(1000, 10, d)
median, mean = {}, {}
for name, divisor in [("unscaled", 1.0), ("scaled", math.sqrt(d))]:
    q = q.detach().requires_grad_()
    out = (q @ k.transpose(-2, -1) / divisor).softmax(-1) @ v
    (out * upstream).sum().backward()
    norms = q.grad.norm(dim=-1)
    median[name], mean[name] = norms.median().item(), norms.mean().item()
    print(f"{name:<8} per-row |grad of q|: median {median[name]:.1e}, mean {mean[name]:.1e}")

print("d=512: most rows saturated unscaled, none scaled:",
      saturated["unscaled", 512] > 0.5 and saturated["scaled", 512] == 0)
print("median |grad of q|: unscaled < scaled / 10:", median["unscaled"] < median["scaled"] / 10)
print("mean |grad of q|: unscaled > scaled:", mean["unscaled"] > mean["scaled"])
