import torch
from sklearn.datasets import make_regression
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

# zh: 3 个特征：coef 变成长度为 3 的向量
# en: 3 features: coef becomes a vector of length 3
x_np, y_np, coef = make_regression(
    n_samples=200, n_features=3, noise=10.0, bias=14.5, coef=True, random_state=0
)
x = torch.tensor(x_np, dtype=torch.float32)
y = torch.tensor(y_np, dtype=torch.float32).reshape(-1, 1)
loader = DataLoader(TensorDataset(x, y), batch_size=16, shuffle=True,
                    generator=torch.Generator().manual_seed(0))

model = nn.Linear(3, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(100):
    for xb, yb in loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

learned = model.weight.detach().flatten()
true = torch.tensor(coef, dtype=torch.float32)
print("learned w:", learned)
print("true w:   ", true)
print(f"learned b: {model.bias.item():.4f}, true b: 14.5")
assert (learned - true).abs().max() < 2
