import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
# zh: 4 个样本、10 个类别的原始分数（没有做 softmax），以及 int64 的类别索引
# en: raw scores (no softmax) for 4 samples and 10 classes, and int64 class indices
logits = torch.randn(4, 10)
target = torch.tensor([3, 8, 0, 3])
print("logits:", logits.shape, logits.dtype, " target:", target.shape, target.dtype)

loss = nn.CrossEntropyLoss()(logits, target)
# zh: 等价写法一：log_softmax 再接 nll_loss（负对数似然）
# en: equivalent 1: log_softmax followed by nll_loss (negative log-likelihood)
log_prob = F.log_softmax(logits, dim=1)
by_nll = F.nll_loss(log_prob, target)
# zh: 等价写法二：取出每个样本正确类别的对数概率，取负，求平均
# en: equivalent 2: pick each sample's log-probability of its true class, negate, average
by_hand = -log_prob[torch.arange(4), target].mean()

print(f"CrossEntropyLoss:       {loss.item():.6f}")
print(f"log_softmax + nll_loss: {by_nll.item():.6f}")
print(f"by hand:                {by_hand.item():.6f}")
torch.testing.assert_close(loss, by_nll)
torch.testing.assert_close(loss, by_hand)
