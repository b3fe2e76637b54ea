import torch

w = torch.tensor(0.0, requires_grad=True)
for _ in range(100):
    loss = (w - 3) ** 2 + 1
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
    w.grad = None

print(f"w: {w.item():.5f}  loss: {((w - 3) ** 2 + 1).item():.5f}")
assert abs(w.item() - 3) < 1e-3
