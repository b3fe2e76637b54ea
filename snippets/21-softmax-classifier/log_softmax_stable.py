import torch

# zh: 模型非常确信是类别 0，而正确答案是类别 2
# en: the model is very sure it is class 0, but the answer is class 2
logits = torch.tensor([[120.0, 10.0, 0.0]])

# zh: 先 softmax 再取 log：类别 2 的概率下溢成 0，log 0 = -inf
# en: softmax, then log: the probability of class 2 underflows to 0, and log 0 = -inf
print("softmax:              ", torch.softmax(logits, dim=1))
print("log(softmax):         ", torch.log(torch.softmax(logits, dim=1)))
# zh: log_softmax 用 z - logsumexp(z) 直接计算，结果有限而且精确
# en: log_softmax computes z - logsumexp(z) directly: finite and accurate
print("log_softmax:          ", torch.log_softmax(logits, dim=1))
print("CrossEntropyLoss:     ", torch.nn.CrossEntropyLoss()(logits, torch.tensor([2])))
