import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(1.0, requires_grad=True)
lr = 0.05

with torch.no_grad():
    print("predict x=4 before training:", (w * 4).item())

for epoch in range(15):
    # zh: 每轮重新做一次前向传播，得到一张新的计算图
    # en: each epoch runs a fresh forward pass, which builds a new graph
    loss = ((w * x - y) ** 2).mean()
    loss.backward()
    # zh: 更新参数不应进入计算图，所以放在 no_grad 里
    # en: the update must not be recorded in the graph, hence no_grad
    with torch.no_grad():
        w -= lr * w.grad
    w.grad.zero_()
    print(f"epoch {epoch:2d}  loss = {loss.item():.2e}  new w = {w.item():.5f}")

with torch.no_grad():
    print(f"predict x=4 after training: {(w * 4).item():.4f}")
