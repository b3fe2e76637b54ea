import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(1.0, requires_grad=True)

loss = ((w * x - y) ** 2).mean()
loss.backward()

# zh: 手推公式：dL/dw = 2/N * sum(x * (w*x - y))
# en: formula derived by hand: dL/dw = 2/N * sum(x * (w*x - y))
with torch.no_grad():
    grad_w_by_hand = 2 * (x * (w * x - y)).mean()

print(f"loss:     {loss.item():.6f}")
print(f"by hand:  dL/dw  = {grad_w_by_hand.item():.6f}")
print(f"autograd: w.grad = {w.grad.item():.6f}")
torch.testing.assert_close(w.grad, grad_w_by_hand)
