import torch

logits = torch.tensor([[2.0, 1.0, 0.1, -1.0],
                       [0.5, 0.5, 3.0, 0.0]])

# zh: 错误：dim=0 是沿着样本方向归一化，每一列加起来是 1
# en: mistake: dim=0 normalises across the samples, so each column sums to 1
wrong = torch.softmax(logits, dim=0)
right = torch.softmax(logits, dim=1)
print("dim=0, row sums:   ", wrong.sum(dim=1))
print("dim=0, column sums:", wrong.sum(dim=0))
print("dim=1, row sums:   ", right.sum(dim=1))
