import torch

# zh: 需要求梯度的参数：创建时打开 requires_grad
# en: a parameter we want gradients for: turn on requires_grad at creation
w = torch.tensor(2.0, requires_grad=True)
# zh: 普通数据：默认不追踪
# en: plain data: not tracked by default
x = torch.tensor(5.0)

y = x * w
print("x.requires_grad:", x.requires_grad)
print("w.requires_grad:", w.requires_grad)
print("y.requires_grad:", y.requires_grad)
print("y.grad_fn:", y.grad_fn.name())
print("w.grad_fn:", w.grad_fn)

# zh: 也可以事后原地打开
# en: you can also switch it on later, in place
x.requires_grad_()
print("x.requires_grad after requires_grad_():", x.requires_grad)

# zh: 只有浮点（或复数）张量才能求梯度
# en: only floating-point (or complex) tensors can require gradients
try:
    torch.tensor([1, 2, 3], requires_grad=True)
except RuntimeError as err:
    print("RuntimeError:", err)
