import torch

x, y = 2.0, 6.0
w1 = torch.tensor(0.5, requires_grad=True)
w2 = torch.tensor(2.0, requires_grad=True)

h = w1 * x
y_hat = w2 * h
loss = (y_hat - y) ** 2
loss.backward()

# zh: 链式法则：dl/dw2 = 2r * h，dl/dw1 = 2r * w2 * x，其中 r = y_hat - y
# en: chain rule: dl/dw2 = 2r * h, dl/dw1 = 2r * w2 * x, where r = y_hat - y
r = y_hat.item() - y
grad_w2 = 2 * r * h.item()
grad_w1 = 2 * r * w2.item() * x
print("by hand:  dl/dw1 =", grad_w1, " dl/dw2 =", grad_w2)
print("autograd: w1.grad =", w1.grad.item(), " w2.grad =", w2.grad.item())
assert (w1.grad.item(), w2.grad.item()) == (grad_w1, grad_w2)
