import matplotlib.pyplot as plt
import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = 1.0
lr = 0.05

costs = []
for epoch in range(20):
    y_pred = w * x
    cost = ((y_pred - y) ** 2).mean().item()
    # zh: 手推梯度：d(MSE)/dw = 2/N · Σ x·(w·x - y)，用上全部样本
    # en: hand-derived gradient: d(MSE)/dw = 2/N · Σ x·(w·x - y), over all samples
    grad = (2 * x * (y_pred - y)).mean().item()
    w -= lr * grad
    costs.append(cost)
    if epoch % 4 == 0:
        print(f"epoch {epoch:2d}: cost = {cost:.6f}  grad = {grad:8.4f}  w after update = {w:.4f}")
print(f"prediction for x = 4: {w * 4:.4f}")

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(costs, marker=".", color="tab:blue")
ax.set_title("Batch gradient descent on y = w * x")
ax.set_xlabel("epoch")
ax.set_ylabel("cost (MSE over all samples)")
plt.show()
