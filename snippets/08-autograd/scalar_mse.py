import torch

x = torch.tensor(5.0)
y = torch.tensor(3.0)
w = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(1.0, requires_grad=True)

# zh: 前向传播：z = x·w + b，再算均方误差
# en: forward pass: z = x·w + b, then the mean squared error
z = x * w + b
loss_fn = torch.nn.MSELoss()
loss = loss_fn(z, y)
print("z:", z.item(), " loss:", loss.item())

# zh: 反向传播
# en: backward pass
loss.backward()
print("w.grad:", w.grad)
print("b.grad:", b.grad)

# zh: 与手算结果对比：dL/dw = 2(z - y)·x，dL/db = 2(z - y)
# en: compare with the hand derivation: dL/dw = 2(z - y)·x, dL/db = 2(z - y)
assert w.grad.item() == 2 * (z.item() - y.item()) * x.item() == 80
assert b.grad.item() == 2 * (z.item() - y.item()) == 16
