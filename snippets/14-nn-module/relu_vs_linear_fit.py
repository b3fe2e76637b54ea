import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)

# zh: 一条曲线 y = sin(2x)，任何直线都拟合不了
# en: a curve, y = sin(2x), that no straight line can fit
x = torch.linspace(-2, 2, 100).unsqueeze(1)
y = torch.sin(2 * x)

models = {
    "Linear-Linear": nn.Sequential(nn.Linear(1, 16), nn.Linear(16, 1)),
    "Linear-ReLU-Linear": nn.Sequential(nn.Linear(1, 16), nn.ReLU(), nn.Linear(16, 1)),
}
loss_fn = nn.MSELoss()

plt.figure(figsize=(6, 4))
plt.scatter(x, y, s=8, color="gray", label="data: y = sin(2x)")
for name, model in models.items():
    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    for step in range(500):
        loss = loss_fn(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"{name}: final MSE = {loss.item():.4f}")
    with torch.no_grad():
        plt.plot(x, model(x), linewidth=2, label=name)

plt.title("Two stacked linear layers vs. a ReLU in between")
plt.xlabel("x")
plt.ylabel("y")
plt.legend()
plt.show()
