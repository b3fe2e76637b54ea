import torch

# zh: 张量：可以放在 CPU 或 GPU 上的多维数组
# en: a tensor: a multi-dimensional array that can live on a CPU or a GPU
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
# zh: requires_grad=True 让 PyTorch 记录用到 w 的每一步运算
# en: requires_grad=True asks PyTorch to record every operation that uses w
w = torch.tensor([0.5, -1.0], requires_grad=True)

y = x @ w
loss = (y**2).mean()
# zh: 自动微分：一行代码求出 loss 对 w 的梯度
# en: autograd: one call computes the gradient of loss with respect to w
loss.backward()

print("y:", y)
print("loss:", loss.item())
print("w.grad:", w.grad)
