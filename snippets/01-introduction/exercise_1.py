import torch


def f(x):
    return torch.sin(x) * 2 + 1


traced = torch.fx.symbolic_trace(f)
print(traced.code.strip())

x = torch.linspace(-3.0, 3.0, steps=7)
print("f(x):     ", f(x))
print("traced(x):", traced(x))
assert torch.equal(traced(x), f(x))
print("traced graph matches the eager function")
