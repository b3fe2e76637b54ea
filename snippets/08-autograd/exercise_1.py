import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
f = x**3 - 2 * x

# zh: f 不是标量：先 sum()，每个 x 得到自己的导数 3x**2 - 2
# en: f is not a scalar: sum() it, and each x gets its own derivative 3x**2 - 2
f.sum().backward()
print("x.grad:", x.grad)
assert torch.equal(x.grad, 3 * x.detach() ** 2 - 2)
