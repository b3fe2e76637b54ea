import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
# zh: 60 个带噪声的样本，真实关系 y = 2x
# en: 60 noisy samples around y = 2x
x = 3 * torch.rand(60)
y = 2 * x + 0.5 * torch.randn(60)
w, lr = 0.0, 0.01

sample_losses, full_mses = [], []
for epoch in range(3):
    # zh: 每轮打乱顺序，然后每个样本更新一次
    # en: shuffle every epoch, then update once per sample
    for i in torch.randperm(len(x)):
        y_pred = w * x[i]
        sample_losses.append(((y_pred - y[i]) ** 2).item())
        w -= lr * (2 * x[i] * (y_pred - y[i])).item()
        # zh: 只为画图：每次更新后在全部样本上评估一次
        # en: for the chart only: evaluate on all samples after every update
        full_mses.append(((w * x - y) ** 2).mean().item())
    print(f"epoch {epoch}: w = {w:.4f}  MSE over all samples = {full_mses[-1]:.4f}")

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(sample_losses, color="tab:orange", linewidth=0.7, alpha=0.5, label="loss of the one sample used")
ax.plot(full_mses, color="tab:orange", label="MSE over all samples")
for end in (60, 120):
    ax.axvline(end, color="grey", linestyle=":")
ax.set_yscale("log")
ax.set_title("Stochastic gradient descent: one sample per update")
ax.set_xlabel("update (dotted lines: end of an epoch)")
ax.set_ylabel("loss (log scale)")
ax.legend(fontsize=8)
plt.show()
