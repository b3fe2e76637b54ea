import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(1.0, requires_grad=True)
b = torch.tensor(0.5, requires_grad=True)

loss = ((w * x + b - y) ** 2).mean()
loss.backward()

with torch.no_grad():
    residual = w * x + b - y
    grad_w_by_hand = 2 * (x * residual).mean()
    grad_b_by_hand = 2 * residual.mean()

print("residuals:", residual)
print(f"by hand:  dL/dw  = {grad_w_by_hand.item():.6f}  dL/db  = {grad_b_by_hand.item():.6f}")
print(f"autograd: w.grad = {w.grad.item():.6f}  b.grad = {b.grad.item():.6f}")
torch.testing.assert_close(w.grad, grad_w_by_hand)
torch.testing.assert_close(b.grad, grad_b_by_hand)
