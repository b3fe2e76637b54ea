import torch
from torch import nn

# zh: 10 个类别，正确类别的 logit 比其余 9 个高出 margin：margin 越大，模型越“自信”
# en: 10 classes, the true class's logit is margin above the other 9: a larger margin, a more confident model
margins = torch.arange(0.0, 13.0, 2.0)
logits = torch.zeros(len(margins), 10)
logits[:, 0] = margins
target = torch.zeros(len(margins), dtype=torch.long)

plain = nn.CrossEntropyLoss(reduction="none")(logits, target)
smoothed = nn.CrossEntropyLoss(reduction="none", label_smoothing=0.1)(logits, target)
for margin, a, b in zip(margins.tolist(), plain.tolist(), smoothed.tolist(), strict=True):
    print(f"margin {margin:4.1f}  loss {a:.3f}  with label_smoothing=0.1: {b:.3f}")

# zh: 不做平滑时，margin 越大损失越小；做了平滑，损失在一个有限的 margin 处最低，再自信下去反而受罚
# en: without smoothing the loss falls as the margin grows; with it, the loss is lowest at a finite margin
print("plain loss keeps falling:", bool((plain.diff() < 0).all()))
best = smoothed.argmin().item()
rises_after = bool((smoothed.diff()[best:] > 0).all())
print("smoothed loss is lowest at margin", margins[best].item(), "| then rises:", rises_after)
