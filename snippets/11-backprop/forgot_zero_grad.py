import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w_ok = torch.tensor(1.0, requires_grad=True)
w_bad = torch.tensor(1.0, requires_grad=True)
lr = 0.05

for epoch in range(12):
    for w in (w_ok, w_bad):
        loss = ((w * x - y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
    # zh: 只清零 w_ok 的梯度；w_bad 的梯度一轮轮累加
    # en: only w_ok's gradient is reset; w_bad's keeps adding up
    w_ok.grad.zero_()
    print(f"epoch {epoch:2d}  w with zero_: {w_ok.item():.4f}   w without: {w_bad.item():.4f}")
