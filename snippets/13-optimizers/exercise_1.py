import torch
from torch import nn, optim

torch.manual_seed(0)
x = torch.linspace(0, 2, 50)
y = 2 * x + 1 + 0.1 * torch.randn(50)
loss_fn = nn.MSELoss()
lr, momentum = 0.05, 0.9

w_hand = torch.zeros(1, requires_grad=True)
w_opt = torch.zeros(1, requires_grad=True)
optimizer = optim.SGD([w_opt], lr=lr, momentum=momentum)
velocity = None

for step in range(5):
    loss_fn(w_hand * x + 1, y).backward()
    with torch.no_grad():
        # zh: PyTorch 的动量：v = momentum * v + grad（第一步 v = grad），w -= lr * v
        # en: PyTorch's momentum: v = momentum * v + grad (v = grad on the first step), w -= lr * v
        grad = w_hand.grad.clone()
        velocity = grad if velocity is None else momentum * velocity + grad
        w_hand -= lr * velocity
    w_hand.grad = None

    optimizer.zero_grad()
    loss_fn(w_opt * x + 1, y).backward()
    optimizer.step()
    print(f"step {step}  by hand w = {w_hand.item():.6f}  optim.SGD w = {w_opt.item():.6f}")

torch.testing.assert_close(w_opt, w_hand)
