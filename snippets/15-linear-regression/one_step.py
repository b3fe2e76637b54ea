import torch
from sklearn.datasets import make_regression
from torch import nn

torch.manual_seed(0)

x_np, y_np = make_regression(n_samples=100, n_features=1, noise=10.0, bias=14.5, random_state=0)
x = torch.tensor(x_np, dtype=torch.float32)
y = torch.tensor(y_np, dtype=torch.float32).reshape(-1, 1)
xb, yb = x[:16], y[:16]

model = nn.Linear(1, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

# zh: 一个训练步：前向传播 → 损失 → 清零梯度 → 反向传播 → 更新参数
# en: one training step: forward → loss → zero grads → backward → update
loss = loss_fn(model(xb), yb)
optimizer.zero_grad()
loss.backward()
print(f"loss before: {loss.item():.2f}")
print(f"grad of w: {model.weight.grad.item():.2f}, grad of b: {model.bias.grad.item():.2f}")
optimizer.step()

with torch.no_grad():
    print(f"loss after:  {loss_fn(model(xb), yb).item():.2f}")
print(f"w: {model.weight.item():.4f}, b: {model.bias.item():.4f}")
