import torch

x, y, w = 2.0, 4.0, 1.0

# zh: 前向传播：逐个节点计算并记下中间值
# en: forward pass: compute each node and keep the intermediate values
y_hat = w * x
r = y_hat - y
loss = r**2
print("forward:  y_hat =", y_hat, " r =", r, " loss =", loss)

# zh: 反向传播：从 dloss/dloss = 1 出发，依次乘上每个节点的局部导数
# en: backward pass: start from dloss/dloss = 1 and multiply by each local derivative
grad_loss = 1.0
grad_r = grad_loss * (2 * r)  # d(r^2)/dr = 2r
grad_y_hat = grad_r * 1.0  # d(y_hat - y)/dy_hat = 1
grad_w = grad_y_hat * x  # d(w * x)/dw = x
print("backward: dloss/dr =", grad_r, " dloss/dy_hat =", grad_y_hat, " dloss/dw =", grad_w)

# zh: 自动微分给出同一个数
# en: autograd gives the same number
w_t = torch.tensor(w, requires_grad=True)
loss_t = (w_t * x - y) ** 2
loss_t.backward()
print("autograd: w.grad =", w_t.grad)
assert w_t.grad.item() == grad_w
