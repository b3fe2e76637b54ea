import torch
from torch import optim

w = torch.tensor([1.0], requires_grad=True)
optimizer = optim.SGD([w], lr=0.1)

(3 * w).sum().backward()
print("after backward:                     w.grad =", w.grad)

# zh: 默认 set_to_none=True：梯度被设为 None，而不是填 0
# en: the default set_to_none=True sets the gradient to None instead of filling zeros
optimizer.zero_grad()
print("after zero_grad():                  w.grad =", w.grad)

(3 * w).sum().backward()
optimizer.zero_grad(set_to_none=False)
print("after zero_grad(set_to_none=False): w.grad =", w.grad)
