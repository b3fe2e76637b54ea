import torch
from torch import optim

w = torch.tensor([1.0], requires_grad=True)
optimizer = optim.SGD([w], lr=0.1, momentum=0.9)

# zh: 先用真实梯度走一步，让动量缓冲区不为 0
# en: take one real step first so the momentum buffer is not zero
w.grad = torch.tensor([1.0])
optimizer.step()
print(f"after a real step:    w = {w.item():.4f}")

w.grad = None
optimizer.step()
print(f"step with grad None:  w = {w.item():.4f}  (skipped)")

w.grad = torch.zeros(1)
optimizer.step()
print(f"step with grad zero:  w = {w.item():.4f}  (momentum still moves it)")
