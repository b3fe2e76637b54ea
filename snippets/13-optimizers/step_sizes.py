import torch
from torch import optim

lr = 0.1
optimizers = {
    "SGD": lambda params: optim.SGD(params, lr=lr),
    "SGD momentum": lambda params: optim.SGD(params, lr=lr, momentum=0.9),
    "Adagrad": lambda params: optim.Adagrad(params, lr=lr),
    "RMSprop": lambda params: optim.RMSprop(params, lr=lr),
    "Adam": lambda params: optim.Adam(params, lr=lr),
    "Adamax": lambda params: optim.Adamax(params, lr=lr),
}
shown = (1, 2, 10, 20, 21, 30, 40)

# zh: 梯度由我们直接给出：前 20 步恒为 4，之后降到 0.4；表中是每一步移动的距离除以学习率
# en: we set the gradient by hand: 4 for the first 20 steps, then 0.4; the table shows each step's move divided by lr
print(f"{'step':13}" + "".join(f"{t:>7}" for t in shown))
print(f"{'gradient':13}" + "".join(f"{4.0 if t <= 20 else 0.4:>7}" for t in shown))
for name, make_optimizer in optimizers.items():
    w = torch.zeros(1, requires_grad=True)
    optimizer = make_optimizer([w])
    moves = []
    for t in range(1, 41):
        w.grad = torch.tensor([4.0 if t <= 20 else 0.4])
        before = w.item()
        optimizer.step()
        moves.append(abs(w.item() - before) / lr)
    print(f"{name:13}" + "".join(f"{moves[t - 1]:7.2f}" for t in shown))
