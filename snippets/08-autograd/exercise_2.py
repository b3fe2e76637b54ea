import torch

x, y = torch.tensor(3.0), torch.tensor(1.0)
w = torch.tensor(0.5, requires_grad=True)
b = torch.tensor(0.5, requires_grad=True)

z = x * w + b
loss = torch.nn.MSELoss()(z, y)
loss.backward()
print("z:", z.item(), " loss:", loss.item())
print("w.grad:", w.grad.item(), " b.grad:", b.grad.item())

# zh: 手算：z - y = 1，dL/dw = 2·1·3 = 6，dL/db = 2·1 = 2
# en: by hand: z - y = 1, dL/dw = 2·1·3 = 6, dL/db = 2·1 = 2
assert (w.grad.item(), b.grad.item()) == (6.0, 2.0)
