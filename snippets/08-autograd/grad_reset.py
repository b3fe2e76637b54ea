import torch

w = torch.tensor(3.0, requires_grad=True)

# zh: 第一次 backward() 之前还没有梯度，w.grad 是 None
# en: before the first backward() there is no gradient yet: w.grad is None
print("before any backward:", w.grad)
try:
    w.grad.zero_()
except AttributeError as err:
    print("AttributeError:", err)

(w**2).backward()
(w**2).backward()
print("accumulated:", w.grad)

# zh: 方法一：原地清零，张量对象还在
# en: option 1: zero it in place; the tensor object stays
w.grad.zero_()
print("after zero_():", w.grad)

# zh: 方法二：直接设为 None，下次 backward() 重新分配（optimizer.zero_grad() 的默认做法）
# en: option 2: set it to None; the next backward() allocates a fresh one (optimizer.zero_grad() does this by default)
w.grad = None
print("after grad = None:", w.grad)

(w**2).backward()
print("after one more backward:", w.grad)
