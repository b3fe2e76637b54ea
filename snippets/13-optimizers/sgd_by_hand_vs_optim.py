import torch
from torch import nn, optim

torch.manual_seed(0)
x = torch.linspace(0, 2, 50)
y = 2 * x + 1 + 0.1 * torch.randn(50)
loss_fn = nn.MSELoss()
lr = 0.1

# zh: 两份完全相同的参数：一份手动更新，一份交给 optim.SGD
# en: two identical sets of parameters: one updated by hand, one by optim.SGD
w_hand = torch.tensor([0.5], requires_grad=True)
b_hand = torch.tensor([0.0], requires_grad=True)
w_opt = w_hand.detach().clone().requires_grad_()
b_opt = b_hand.detach().clone().requires_grad_()

loss_fn(w_hand * x + b_hand, y).backward()
with torch.no_grad():
    w_hand -= lr * w_hand.grad
    b_hand -= lr * b_hand.grad

optimizer = optim.SGD([w_opt, b_opt], lr=lr)
loss_fn(w_opt * x + b_opt, y).backward()
optimizer.step()

print(f"by hand:   w = {w_hand.item():.6f}  b = {b_hand.item():.6f}")
print(f"optim.SGD: w = {w_opt.item():.6f}  b = {b_opt.item():.6f}")
torch.testing.assert_close(w_opt, w_hand)
torch.testing.assert_close(b_opt, b_hand)
