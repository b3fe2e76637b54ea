import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])

# zh: 在 0 到 4 之间等间隔取 9 个 w
# en: 9 evenly spaced values of w from 0 to 4
w = torch.linspace(0, 4, 9)

# zh: 广播：(9, 1) * (3,) -> (9, 3)，每一行是一个 w 对 3 个样本的预测
# en: broadcasting: (9, 1) * (3,) -> (9, 3); each row holds one w's predictions for the 3 samples
y_pred = w[:, None] * x
mse = ((y_pred - y) ** 2).mean(dim=1)

print("   w      MSE")
for wi, li in zip(w.tolist(), mse.tolist()):
    print(f"{wi:4.1f}  {li:7.3f}")
print("best w:", w[mse.argmin()].item())
