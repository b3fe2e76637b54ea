import torch

x = 2.0
w = torch.tensor(3.0, requires_grad=True)

# zh: w 走两条路到达 f：一条经过 w*x，一条经过 w**2
# en: w reaches f along two paths: one through w*x, one through w**2
f = w * x + w**2
f.backward()

print("by hand:  df/dw = x + 2w =", x + 2 * w.item())
print("autograd: w.grad =", w.grad.item())
assert w.grad.item() == x + 2 * w.item()
