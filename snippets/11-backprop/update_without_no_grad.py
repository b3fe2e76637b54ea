import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(1.0, requires_grad=True)

loss = ((w * x - y) ** 2).mean()
loss.backward()

# zh: 错误 1：在 no_grad 之外原地修改叶子张量
# en: mistake 1: update the leaf tensor in place outside no_grad
try:
    w -= 0.05 * w.grad
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 错误 2：重新赋值，w 变成了计算结果，不再是叶子张量
# en: mistake 2: rebind the name; w becomes a computed result, no longer a leaf
w = w - 0.05 * w.grad
print("w.is_leaf:", w.is_leaf, " w.grad_fn:", w.grad_fn.name())
