import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(1.0, requires_grad=True)
lr = 0.03

for epoch in range(10):
    # zh: 每个样本各算一次损失、各更新一次
    # en: one loss and one update per sample
    for x_n, y_n in zip(x, y):
        loss = (w * x_n - y_n) ** 2
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
        w.grad.zero_()
    # zh: 一轮结束后，在全部数据上评估一次
    # en: after the epoch, evaluate once on all the data
    with torch.no_grad():
        full_loss = ((w * x - y) ** 2).mean()
    print(f"epoch {epoch}  w = {w.item():.5f}  loss on all data = {full_loss.item():.2e}")

assert abs(w.item() - 2) < 1e-3
