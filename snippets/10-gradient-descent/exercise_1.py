import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])

# zh: MSE(w) = (14/3)(w - 2)**2，二阶导数 a = 28/3；每步 (w - 2) 乘以 (1 - lr·a)
# en: MSE(w) = (14/3)(w - 2)**2 with second derivative a = 28/3; each step multiplies (w - 2) by (1 - lr·a)
a = 2 * (x**2).mean().item()
lr_max = 2 / a
print(f"largest stable learning rate: 2 / {a:.4f} = {lr_max:.4f}")

final = {}
for lr in (0.21, 0.22):
    w = 1.0
    for _ in range(200):
        w -= lr * (2 * x * (w * x - y)).mean().item()
    final[lr] = abs(w - 2)
    print(f"lr = {lr}: |w - 2| after 200 epochs = {final[lr]:.3e}")
assert final[0.21] < 1e-3 and final[0.22] > 1e3
