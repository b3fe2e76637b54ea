import torch
from torch import nn

# zh: 正确答案是类别 1，模型却很确信是类别 0
# en: the correct answer is class 1, but the model is confident it is class 0
logits = torch.tensor([[4.0, 0.0, 0.0]], requires_grad=True)
target = torch.tensor([1])
loss_fn = nn.CrossEntropyLoss()

right = loss_fn(logits, target)
# zh: 错误：先做 softmax，相当于做了两次 softmax
# en: mistake: softmax first, so softmax is applied twice
wrong = loss_fn(torch.softmax(logits, dim=1), target)

(grad_right,) = torch.autograd.grad(right, logits)
(grad_wrong,) = torch.autograd.grad(wrong, logits)
print(f"on logits:        loss = {right.item():.4f}  grad = {grad_right}")
print(f"on probabilities: loss = {wrong.item():.4f}  grad = {grad_wrong}")
