import torch

# zh: 与上面的标量例子相同：z = x·w + b，损失 (z - y)**2
# en: the same as the scalar example above: z = x·w + b, loss (z - y)**2
x, y = torch.tensor(5.0), torch.tensor(3.0)
w = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(1.0, requires_grad=True)
loss = (x * w + b - y) ** 2

# zh: 想对谁求导，就把谁放进 inputs；返回一个元组，与 inputs 一一对应
# en: pass the tensors you want gradients for as inputs; you get a tuple, one gradient per input
grad_w, grad_b = torch.autograd.grad(loss, (w, b))
print("grad_w:", grad_w, " grad_b:", grad_b)
# zh: 梯度作为返回值交给你，不写进 .grad，也就谈不上累加
# en: the gradients come back as return values: nothing is written to .grad, so nothing accumulates
print("w.grad:", w.grad, " b.grad:", b.grad)

# zh: 要对导数再求导，第一次调用时传 create_graph=True，让导数本身也被记进计算图
# en: to differentiate a derivative again, pass create_graph=True so the derivative itself is recorded
t = torch.tensor(3.0, requires_grad=True)
(dy_dt,) = torch.autograd.grad(t**3, t, create_graph=True)
(d2y_dt2,) = torch.autograd.grad(dy_dt, t)
print("d(t**3)/dt at t = 3:", dy_dt.item(), " second derivative:", d2y_dt2.item())
