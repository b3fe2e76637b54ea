import torch

lr = 0.1
w_good = torch.tensor(10.0, requires_grad=True)
w_bad = torch.tensor(10.0, requires_grad=True)

print("step   w (grad cleared)   w (grad never cleared)")
for step in range(1, 41):
    for w in (w_good, w_bad):
        loss = w**2 + 20
        loss.backward()
        with torch.no_grad():
            w -= lr * w.grad
    # zh: 只给 w_good 清零；w_bad 的梯度一直在累加
    # en: only w_good is cleared; the gradient of w_bad keeps piling up
    w_good.grad = None
    if step % 5 == 0:
        print(f"{step:4d}   {w_good.item():16.4f}   {w_bad.item():22.4f}")
