import torch
from sklearn.datasets import make_regression
from torch import nn

torch.manual_seed(0)

x_np, y_np = make_regression(n_samples=100, n_features=1, noise=10.0, bias=14.5, random_state=0)
x = torch.tensor(x_np, dtype=torch.float32)
y = torch.tensor(y_np, dtype=torch.float32).reshape(-1, 1)

# zh: 最小二乘解：在列 [x, 1] 上解 A @ [w, b] ≈ y
# en: least squares: solve A @ [w, b] ≈ y with columns [x, 1]
A = torch.cat([x, torch.ones_like(x)], dim=1)
w_ls, b_ls = torch.linalg.lstsq(A, y).solution.flatten().tolist()
print(f"least squares: w = {w_ls:.4f}, b = {b_ls:.4f}")
print(f"least squares MSE: {nn.functional.mse_loss(w_ls * x + b_ls, y).item():.2f}")

# zh: 全批量梯度下降训练足够多步，会收敛到同一个解
# en: full-batch gradient descent, run long enough, reaches the same solution
model = nn.Linear(1, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(500):
    loss = nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
w, b = model.weight.item(), model.bias.item()
print(f"trained:       w = {w:.4f}, b = {b:.4f}")
assert abs(w - w_ls) < 1e-3 and abs(b - b_ls) < 1e-3
