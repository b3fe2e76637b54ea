import torch
from torch import nn

model = nn.Sequential(nn.Linear(64, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Linear(128, 10))

# zh: 矩阵形状的权重做衰减；偏置和 BatchNorm 的缩放、平移参数（都是一维）不做
# en: decay the matrix-shaped weights; not the biases or BatchNorm's scale and shift (all one-dimensional)
decay = [p for p in model.parameters() if p.ndim >= 2]
no_decay = [p for p in model.parameters() if p.ndim < 2]
optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05},
                               {"params": no_decay, "weight_decay": 0.0}], lr=1e-3)
for name, p in model.named_parameters():
    print(f"{name:<9} {tuple(p.shape)!s:<10} {'decay' if p.ndim >= 2 else 'no decay'}")
for group in optimizer.param_groups:
    print("weight_decay", group["weight_decay"], "->", sum(p.numel() for p in group["params"]), "parameters")

# zh: 注意：AdamW 不写 weight_decay 也会衰减，默认值不是 0
# en: note: AdamW decays even if you do not ask for it; its default is not 0
print("AdamW default weight_decay:", torch.optim.AdamW(model.parameters()).defaults["weight_decay"])
