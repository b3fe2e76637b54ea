import torch

x, y = 2.0, 6.0
w1 = torch.tensor(0.5, requires_grad=True)
w2 = torch.tensor(2.0, requires_grad=True)
w3 = torch.tensor(1.5, requires_grad=True)

h1 = w1 * x
h2 = w2 * h1
y_hat = w3 * h2
loss = (y_hat - y) ** 2
loss.backward()

# zh: 链式法则，r = y_hat - y：每往前一层，就多乘上后面那一层的权重
# en: chain rule with r = y_hat - y: each layer further back picks up the weight of the layer after it
r = y_hat.item() - y
grad_w3 = 2 * r * h2.item()
grad_w2 = 2 * r * w3.item() * h1.item()
grad_w1 = 2 * r * w3.item() * w2.item() * x
print("by hand:  dl/dw1 =", grad_w1, " dl/dw2 =", grad_w2, " dl/dw3 =", grad_w3)
print("autograd: w1.grad =", w1.grad.item(), " w2.grad =", w2.grad.item(), " w3.grad =", w3.grad.item())
assert (w1.grad.item(), w2.grad.item(), w3.grad.item()) == (grad_w1, grad_w2, grad_w3)
