import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])

# zh: 先随便猜一个权重，看看模型错了多少
# en: guess a weight and see how wrong the model is
w = 1.0
y_pred = w * x
squared_error = (y_pred - y) ** 2

print(" x    y    y_pred   (y_pred - y)**2")
for xi, yi, pi, ei in zip(x.tolist(), y.tolist(), y_pred.tolist(), squared_error.tolist()):
    print(f"{xi:2.0f}  {yi:3.0f}  {pi:7.1f}  {ei:10.1f}")
print(f"MSE: {squared_error.mean().item():.4f}")
