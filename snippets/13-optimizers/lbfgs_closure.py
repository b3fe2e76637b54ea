import torch
from torch import nn, optim

torch.manual_seed(0)
x = torch.linspace(0, 2, 50)
y = 2 * x + 1 + 0.1 * torch.randn(50)

w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
loss_fn = nn.MSELoss()
optimizer = optim.LBFGS([w, b], lr=1, line_search_fn="strong_wolfe")
evaluated = []

# zh: closure 重新计算损失和梯度；LBFGS 在一步之内可能调用它很多次
# en: the closure recomputes the loss and the gradients; LBFGS may call it many times per step
def closure():
    optimizer.zero_grad()
    loss = loss_fn(w * x + b, y)
    loss.backward()
    evaluated.append(loss.item())
    return loss

for step in range(3):
    loss = optimizer.step(closure)
    print(f"step {step}  loss at start = {loss.item():.6f}  w = {w.item():.4f}  "
          f"b = {b.item():.4f}  closure calls so far = {len(evaluated)}")
