import torch
from torch import nn, optim

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([3.0, 5.0, 7.0])
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
loss_fn = nn.MSELoss()
optimizer = optim.SGD([w, b], lr=0.1)
# zh: 每调用 3 次 scheduler.step()，学习率乘以 0.5；这里每轮调用一次
# en: multiply the learning rate by 0.5 every 3 calls of scheduler.step(); here one call per epoch
scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=3, gamma=0.5)

for epoch in range(9):
    loss = loss_fn(w * x + b, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(f"epoch {epoch}  lr = {scheduler.get_last_lr()[0]:.4f}  loss = {loss.item():.4f}")
    # zh: 先 optimizer.step()，再 scheduler.step()
    # en: optimizer.step() first, then scheduler.step()
    scheduler.step()
