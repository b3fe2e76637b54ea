import torch
from torch import nn

torch.manual_seed(0)
# zh: 3 个样本、4 个类别：每行是一个样本的 logits
# en: 3 samples, 4 classes: each row holds one sample's logits
logits = torch.randn(3, 4)
# zh: 目标是类别索引（整数），不是独热向量
# en: the targets are class indices (integers), not one-hot vectors
target = torch.tensor([3, 0, 1])

loss = nn.CrossEntropyLoss()(logits, target)

# zh: 等价于：log_softmax 之后取出正确类别那一项，取负再平均
# en: the same as: log_softmax, pick the correct class, negate and average
log_prob = torch.log_softmax(logits, dim=1)
by_formula = -log_prob[torch.arange(3), target].mean()

print("logits:\n", logits)
print("target:", target, target.dtype)
print(f"CrossEntropyLoss: {loss.item():.6f}")
print(f"by formula:       {by_formula.item():.6f}")
torch.testing.assert_close(loss, by_formula)
