import torch

w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)

# zh: detach() 返回一个不在计算图里的新张量，但与原张量共享内存
# en: detach() returns a new tensor outside the graph that shares memory with the original
w_plain = w.detach()
print("w_plain.requires_grad:", w_plain.requires_grad, " grad_fn:", w_plain.grad_fn)
print("same memory:", w_plain.data_ptr() == w.data_ptr())

# zh: 需要梯度的张量不能直接转成 NumPy，先 detach()
# en: a tensor that requires grad cannot go to NumPy directly; detach() it first
try:
    w.numpy()
except RuntimeError as err:
    print("RuntimeError:", err)
print("w.detach().numpy():", w.detach().numpy())

# zh: 用 detach 截断梯度：c 被当作常数
# en: detach cuts the gradient: c is treated as a constant
c = (w**2).detach()
loss = (c * w).sum()
loss.backward()
print("w.grad (c treated as constant, so it is c = w**2):", w.grad)
