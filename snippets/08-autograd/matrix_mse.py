import torch

torch.manual_seed(0)

x = torch.randn(2, 5)
y = torch.zeros(2, 3)
w = torch.randn(5, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)

# zh: (2, 5) @ (5, 3) -> (2, 3)，b 广播到每一行
# en: (2, 5) @ (5, 3) -> (2, 3), and b is broadcast to every row
z = x @ w + b
loss = torch.nn.MSELoss()(z, y)
loss.backward()

print("z.shape:", z.shape, " loss:", round(loss.item(), 4))
print("w.grad.shape:", w.grad.shape, " b.grad.shape:", b.grad.shape)
print("w.grad:\n", w.grad)
print("b.grad:", b.grad)

# zh: 手算：dL/dz = 2(z - y)/6（6 个元素取平均），再按链式法则传回 w 和 b
# en: by hand: dL/dz = 2(z - y)/6 (mean over 6 elements), then the chain rule back to w and b
dz = 2 * (z.detach() - y) / z.numel()
assert torch.allclose(w.grad, x.T @ dz)
assert torch.allclose(b.grad, dz.sum(dim=0))
print("matches x.T @ dz and dz.sum(dim=0)")
