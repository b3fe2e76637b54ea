import torch
from sklearn.datasets import make_regression
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

# zh: noise=0：数据恰好落在真实直线上
# en: noise=0: the data lie exactly on the true line
true_b = 14.5
x_np, y_np, coef = make_regression(
    n_samples=100, n_features=1, noise=0.0, bias=true_b, coef=True, random_state=0
)
true_w = float(coef)
x = torch.tensor(x_np, dtype=torch.float32)
y = torch.tensor(y_np, dtype=torch.float32).reshape(-1, 1)
loader = DataLoader(TensorDataset(x, y), batch_size=16, shuffle=True,
                    generator=torch.Generator().manual_seed(0))

model = nn.Linear(1, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(100):
    for xb, yb in loader:
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

w, b = model.weight.item(), model.bias.item()
print(f"learned: w = {w:.4f}, b = {b:.4f}")
print(f"true:    w = {true_w:.4f}, b = {true_b:.4f}")
assert abs(w - true_w) < 0.01 and abs(b - true_b) < 0.01
