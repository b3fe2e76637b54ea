import torch
from torch import nn

torch.manual_seed(0)
g = torch.Generator().manual_seed(0)
hours = torch.rand(200, 1, generator=g) * 10
passed = torch.bernoulli(torch.sigmoid(1.5 * (hours - 5)), generator=g)

# zh: 一个猜出来的模型：logit = hours - 5
# en: a guessed model: logit = hours - 5
logits = hours - 5
p = torch.sigmoid(logits)

# zh: 按公式：-[y log p + (1 - y) log(1 - p)]，再对 200 个样本求平均
# en: by the formula: -[y log p + (1 - y) log(1 - p)], averaged over the 200 samples
by_formula = -(passed * torch.log(p) + (1 - passed) * torch.log(1 - p)).mean()
bce = nn.BCELoss()(p, passed)
bce_logits = nn.BCEWithLogitsLoss()(logits, passed)
print(f"by formula:        {by_formula.item():.6f}")
print(f"BCELoss(p):        {bce.item():.6f}")
print(f"BCEWithLogitsLoss: {bce_logits.item():.6f}")
torch.testing.assert_close(bce, by_formula)
torch.testing.assert_close(bce_logits, by_formula)

# zh: reduction='none' 给出每个样本自己的损失
# en: reduction='none' gives each sample its own loss
per_sample = nn.BCEWithLogitsLoss(reduction="none")(logits, passed)
for i in range(4):
    print(f"  {hours[i, 0]:4.1f} h, y = {passed[i, 0]:.0f}, p = {p[i, 0]:.3f}, loss = {per_sample[i, 0]:.3f}")
