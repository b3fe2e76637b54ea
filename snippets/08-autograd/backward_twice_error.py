import torch

w = torch.tensor(3.0, requires_grad=True)
loss = w**3

loss.backward()
print("w.grad:", w.grad)

# zh: 反向传播结束后，图中保存的中间结果已被释放，不能再走一遍
# en: after backward, the values saved in the graph are freed, so you cannot walk it again
try:
    loss.backward()
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 确实需要两次时，第一次传 retain_graph=True（梯度照样累加）
# en: if you really need two passes, pass retain_graph=True the first time (gradients still add up)
w.grad = None
loss = w**3
loss.backward(retain_graph=True)
loss.backward()
print("w.grad after two passes with retain_graph:", w.grad)
