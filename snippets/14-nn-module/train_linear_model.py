import torch
from torch import nn

torch.manual_seed(0)


class LinearModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)


# zh: 数据来自 y = 2x
# en: data from y = 2x
x = torch.tensor([[1.0], [2.0], [3.0]])
y = torch.tensor([[2.0], [4.0], [6.0]])

model = LinearModel()
loss_fn = nn.MSELoss()
# zh: model.parameters() 把权重和偏置交给优化器
# en: model.parameters() hands the weight and bias to the optimizer
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)

for epoch in range(1000):
    loss = loss_fn(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

print(f"loss: {loss.item():.2e}")
print(f"w: {model.linear.weight.item():.4f}, b: {model.linear.bias.item():.4f}")
with torch.no_grad():
    print(f"prediction for x=4: {model(torch.tensor([[4.0]])).item():.4f}")
