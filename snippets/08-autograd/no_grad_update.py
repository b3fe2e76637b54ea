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

# zh: 正确写法：在 no_grad() 里更新，然后清零梯度
# en: the right way: update inside no_grad(), then reset the gradient
with torch.no_grad():
    w -= lr * w.grad
w.grad.zero_()
print("w after update:", w)
print("w.is_leaf:", w.is_leaf, " w.grad:", w.grad)
