import torch

# zh: loss = w**2 在图中保存了 w = 3，正确的梯度是 2w = 6
# en: loss = w**2 saves w = 3 in the graph; the correct gradient is 2w = 6
w = torch.tensor(3.0, requires_grad=True)
loss = w**2
# zh: 绕过自动微分修改 w，之后的 backward 不知情
# en: change w behind autograd's back; the backward below cannot tell
w.data -= 1.0
loss.backward()
print("after w.data -= 1:  w.grad =", w.grad, "(silently wrong)")

# zh: 同样的修改放在 no_grad 里，自动微分能发现并报错
# en: the same change inside no_grad is detected and reported
w = torch.tensor(3.0, requires_grad=True)
loss = w**2
with torch.no_grad():
    w -= 1.0
try:
    loss.backward()
except RuntimeError as err:
    print("RuntimeError:", err)
