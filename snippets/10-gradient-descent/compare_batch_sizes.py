import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
x = 3 * torch.rand(60)
y = 2 * x + 0.5 * torch.randn(60)
lr, epochs = 0.02, 10

fig, ax = plt.subplots(figsize=(6, 4))
# zh: 批量大小 60 就是批量梯度下降，1 就是随机梯度下降，中间是小批量
# en: batch size 60 is batch GD, 1 is SGD, anything in between is mini-batch
for batch_size, name, colour in [(60, "batch GD", "tab:blue"), (10, "mini-batch (10)", "tab:green"),
                                 (1, "SGD", "tab:orange")]:
    w, steps, mses = 0.0, [0.0], [(y**2).mean().item()]
    for _ in range(epochs):
        perm = torch.randperm(len(x))
        for start in range(0, len(x), batch_size):
            idx = perm[start:start + batch_size]
            w -= lr * (2 * x[idx] * (w * x[idx] - y[idx])).mean().item()
            # zh: 横轴用“看过多少轮数据”，这样三种方法的计算量可比
            # en: the x-axis counts epochs of data seen, so the work done is comparable
            steps.append(steps[-1] + batch_size / len(x))
            mses.append(((w * x - y) ** 2).mean().item())
    print(f"{name:16s} updates: {len(mses) - 1:4d}  final w: {w:.4f}  final MSE: {mses[-1]:.4f}")
    ax.plot(steps, mses, color=colour, label=name)
ax.set_yscale("log")
ax.set_title("Same data, same learning rate, different batch sizes")
ax.set_xlabel("epoch")
ax.set_ylabel("MSE over all samples (log scale)")
ax.legend()
plt.show()
