import torch
from torch import nn

torch.manual_seed(0)
g = torch.Generator().manual_seed(0)
hours = torch.rand(200, 1, generator=g) * 10

# zh: 逻辑回归 = 线性层 + sigmoid；模型本身只输出 logit
# en: logistic regression = a linear layer + sigmoid; the model itself outputs logits
model = nn.Linear(1, 1)
print(f"initial w = {model.weight.item():.4f}, b = {model.bias.item():.4f}")

logits = model(hours[:4])
prob = torch.sigmoid(logits)
print("hours: ", hours[:4].flatten())
print("logits:", logits.detach().flatten())
print("prob:  ", prob.detach().flatten())
print("logits.shape:", logits.shape)
