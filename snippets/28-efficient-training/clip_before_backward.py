import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(16, 64) * 10, torch.randint(0, 10, (16,))

loss = nn.functional.cross_entropy(model(x), y)
optimizer.zero_grad()
# zh: 错误：zero_grad() 之后梯度是 None，这时裁剪什么也没做
# en: wrong: after zero_grad() the gradients are None, so clipping does nothing
print(f"norm clip_grad_norm_ sees before backward: {nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0):.2f}")
loss.backward()
grad_norm = nn.utils.get_total_norm([p.grad for p in model.parameters()])
print(f"norm of the gradients optimizer.step() uses: {grad_norm:.2f}")
optimizer.step()
