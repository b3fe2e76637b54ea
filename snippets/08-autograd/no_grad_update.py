import torch

lr = 0.1
w = torch.tensor(10.0, requires_grad=True)
loss = w**2
loss.backward()
print("w.grad:", w.grad)

# zh: 直接原地更新一个需要梯度的叶子张量会报错
# en: updating a leaf that requires grad in place, with tracking on, is an error
try:
    w -= lr * w.grad
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 写成 w - … 赋给新名字不会报错，但结果是一次运算的输出，不是叶子张量，backward() 不会填写它的 .grad
# en: assigning w - … to a name raises nothing, but the result is an operation's output, not a leaf: backward() will not fill its .grad
w_new = w - lr * w.grad
print("w_new.is_leaf:", w_new.is_leaf, " w_new.grad_fn:", w_new.grad_fn.name())

# zh: 正确写法：在 no_grad() 里原地更新，然后清零梯度
# en: the right way: update in place inside no_grad(), then reset the gradient
with torch.no_grad():
    w -= lr * w.grad
w.grad.zero_()
print("w after update:", w)
print("w.is_leaf:", w.is_leaf, " w.grad:", w.grad)
