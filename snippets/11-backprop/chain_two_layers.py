import torch

x, y = 2.0, 6.0
w1, b1, w2, b2 = 0.5, 0.5, 2.0, 1.0

# zh: 前向传播：两层，每层一次乘法和一次加法
# en: forward pass: two layers, each a multiplication and an addition
h = w1 * x + b1
y_hat = w2 * h + b2
r = y_hat - y
print("forward:  h =", h, " y_hat =", y_hat, " loss =", r**2)

# zh: 反向传播：先算第二层，再把 dloss/dh 交给第一层
# en: backward pass: the second layer first, then dloss/dh is handed down to the first layer
grad_y_hat = 2 * r
grad_w2, grad_b2 = grad_y_hat * h, grad_y_hat
grad_h = grad_y_hat * w2
grad_w1, grad_b1 = grad_h * x, grad_h
print("by hand:  dloss/dh =", grad_h, " w1, b1, w2, b2:", grad_w1, grad_b1, grad_w2, grad_b2)

# zh: 自动微分核对四个梯度
# en: autograd checks all four gradients
params = [torch.tensor(value, requires_grad=True) for value in (w1, b1, w2, b2)]
w1_t, b1_t, w2_t, b2_t = params
loss = (w2_t * (w1_t * x + b1_t) + b2_t - y) ** 2
loss.backward()
grads = [p.grad.item() for p in params]
print("autograd: w1, b1, w2, b2:", grads)
assert grads == [grad_w1, grad_b1, grad_w2, grad_b2]
