import torch
import torch.nn.functional as F
from torch import nn

logits = torch.tensor([-50.0, -2.0, 0.0, 2.0, 50.0])
target = torch.tensor([1.0, 0.0, 1.0, 1.0, 0.0])

# zh: 直接照公式写：大 logit 时 sigmoid 变成 0 或 1，log 得到 -inf
# en: the formula written naively: for large logits sigmoid hits 0 or 1 and log gives -inf
prob = torch.sigmoid(logits)
naive = -(target * prob.log() + (1 - target) * (1 - prob).log())

# zh: 稳定写法：loss = max(z, 0) - z*y + log(1 + exp(-|z|))
# en: stable form: loss = max(z, 0) - z*y + log(1 + exp(-|z|))
stable = logits.clamp(min=0) - logits * target + F.softplus(-logits.abs())
reference = nn.BCEWithLogitsLoss(reduction="none")(logits, target)

print("naive:    ", naive)
print("stable:   ", stable)
print("reference:", reference)
torch.testing.assert_close(stable, reference)
