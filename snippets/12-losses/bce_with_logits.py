import torch
from torch import nn

# zh: 模型输出的原始分数（logits），以及写成浮点数的标签
# en: raw scores from a model (logits), and the labels as floats
logits = torch.tensor([-2.0, 0.5, 3.0])
target = torch.tensor([0.0, 1.0, 1.0])

# zh: BCELoss 要的是概率，需要先过 sigmoid
# en: BCELoss expects probabilities, so apply sigmoid first
prob = torch.sigmoid(logits)
bce = nn.BCELoss()(prob, target)
# zh: BCEWithLogitsLoss 直接接收 logits，sigmoid 在内部完成
# en: BCEWithLogitsLoss takes the logits and applies sigmoid internally
bce_logits = nn.BCEWithLogitsLoss()(logits, target)
by_formula = -(target * prob.log() + (1 - target) * (1 - prob).log()).mean()

print(f"by formula:        {by_formula.item():.6f}")
print(f"BCELoss:           {bce.item():.6f}")
print(f"BCEWithLogitsLoss: {bce_logits.item():.6f}")
torch.testing.assert_close(bce, bce_logits)
torch.testing.assert_close(bce, by_formula)
