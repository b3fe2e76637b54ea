import torch

w = torch.tensor(2.0, requires_grad=True)

# zh: 两个损失分别 backward()，梯度累加
# en: backward() on two losses one after the other: the gradients add up
(w**2).backward()
(3 * w).backward()
accumulated = w.grad.clone()

# zh: 与对总和一次 backward() 的结果相同
# en: the same as one backward() on their sum
w.grad = None
(w**2 + 3 * w).backward()
print("accumulated:", accumulated.item(), " sum in one go:", w.grad.item())
assert torch.equal(accumulated, w.grad)
