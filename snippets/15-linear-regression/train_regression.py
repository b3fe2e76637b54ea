import matplotlib.pyplot as plt
import torch
from sklearn.datasets import make_regression
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: 1. 数据：真实权重 true_w、真实偏置 14.5，噪声标准差 10
# en: 1. data: true weight true_w, true bias 14.5, noise std 10
true_b = 14.5
x_np, y_np, coef = make_regression(
    n_samples=100, n_features=1, noise=10.0, bias=true_b, coef=True, random_state=0
)
true_w = float(coef)
x = torch.tensor(x_np, dtype=torch.float32)
y = torch.tensor(y_np, dtype=torch.float32).reshape(-1, 1)
dataset = TensorDataset(x, y)
loader = DataLoader(dataset, batch_size=16, shuffle=True, generator=torch.Generator().manual_seed(0))

# zh: 2. 模型、损失函数、优化器
# en: 2. model, loss function, optimizer
model = nn.Linear(1, 1).to(device)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

# zh: 3. 训练：记录每轮所有批量的平均损失，以及最后一批的损失作对比
# en: 3. train: record each epoch's mean loss over all batches, and the last batch's loss for comparison
epoch_losses, last_batch_losses = [], []
for epoch in range(100):
    total = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    epoch_losses.append(total / len(dataset))
    last_batch_losses.append(loss.item())
    if epoch % 25 == 0:
        print(f"epoch {epoch:2d}: mean loss {epoch_losses[-1]:.2f}")
print(f"epoch 99: mean loss {epoch_losses[-1]:.2f}")

# zh: 4. 学到的参数与真实参数
# en: 4. learned parameters against the true ones
w, b = model.weight.item(), model.bias.item()
print(f"learned: w = {w:.4f}, b = {b:.4f}")
print(f"true:    w = {true_w:.4f}, b = {true_b:.4f}")
assert abs(w - true_w) < 2 and abs(b - true_b) < 2

# zh: 5. 左：损失曲线；右：数据、拟合直线和真实直线
# en: 5. left: loss curves; right: data, fitted line and true line
fig, (ax_loss, ax_fit) = plt.subplots(1, 2, figsize=(10, 4))
ax_loss.plot(last_batch_losses, color="tab:gray", alpha=0.6, label="last batch")
ax_loss.plot(epoch_losses, color="tab:blue", label="mean over epoch")
ax_loss.set(title="Training loss", xlabel="epoch", ylabel="MSE", yscale="log")
ax_loss.legend()

x_line = torch.linspace(x.min(), x.max(), 2).reshape(-1, 1)
with torch.no_grad():
    y_fit = model(x_line.to(device)).cpu()
ax_fit.scatter(x, y, s=12, color="tab:gray", label="data")
ax_fit.plot(x_line, y_fit, color="tab:red", label=f"fitted: y = {w:.2f}x + {b:.2f}")
ax_fit.plot(x_line, true_w * x_line + true_b, "--", color="tab:green",
            label=f"true: y = {true_w:.2f}x + {true_b:.2f}")
ax_fit.set(title="Data and fitted line", xlabel="x", ylabel="y")
ax_fit.legend()
plt.show()
