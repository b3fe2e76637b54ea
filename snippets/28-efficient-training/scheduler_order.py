# snippet: expect-warning=UserWarning
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
x = torch.randn(8, 3)

used = []
for _ in range(3):
    loss = model(x).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    # zh: 错误的顺序：先调度器，后优化器
    # en: the wrong order: scheduler first, optimizer second
    scheduler.step()
    used.append(optimizer.param_groups[0]["lr"])
    optimizer.step()
print("learning rates optimizer.step() used:", used)
