import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: 数据和训练与上一段代码相同
# en: the same data and training as the previous snippet
g = torch.Generator().manual_seed(0)
hours = torch.rand(200, 1, generator=g) * 10
passed = torch.bernoulli(torch.sigmoid(1.5 * (hours - 5)), generator=g)
x, y = hours.to(device), passed.to(device)
model = nn.Linear(1, 1).to(device)
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
for epoch in range(500):
    loss = loss_fn(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

# zh: 预测新学生：概率 > 0.5 判为及格
# en: predict new students: probability > 0.5 means pass
new_hours = torch.tensor([[2.0], [4.5], [5.5], [8.0]], device=device)
with torch.no_grad():
    logits = model(new_hours)
    prob = torch.sigmoid(logits)
boundary = -model.bias.item() / model.weight.item()
for h, z, p in zip(new_hours.flatten().tolist(), logits.flatten().tolist(), prob.flatten().tolist()):
    print(f"{h:3.1f} h: logit {z:+.2f}, P(pass) {p:.3f}, predicted {'pass' if p > 0.5 else 'fail'}")

# zh: 三种判断方式给出同样的结果
# en: three ways to decide give the same answer
by_prob = prob > 0.5
by_logit = logits > 0
by_boundary = new_hours > boundary
print("by prob > 0.5:  ", by_prob.flatten().tolist())
print("by logit > 0:   ", by_logit.flatten().tolist())
print(f"by hours > {boundary:.2f}:", by_boundary.flatten().tolist())
assert torch.equal(by_prob, by_logit) and torch.equal(by_prob, by_boundary)
