import torch

x = torch.tensor(2.0, requires_grad=True)
y = x**2 + 3 * x

# zh: y 是标量，直接调用 backward()
# en: y is a scalar, so backward() needs no arguments
y.backward()

# zh: dy/dx = 2x + 3，在 x = 2 处等于 7
# en: dy/dx = 2x + 3, which is 7 at x = 2
print("y:", y.item())
print("x.grad:", x.grad)
assert x.grad.item() == 2 * 2 + 3
