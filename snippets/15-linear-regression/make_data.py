import torch
from sklearn.datasets import make_regression

torch.manual_seed(0)

# zh: 100 个样本、1 个特征；真实关系 y = coef * x + 14.5，再加上标准差为 10 的噪声
# en: 100 samples, 1 feature; the true relation is y = coef * x + 14.5, plus noise with std 10
x_np, y_np, coef = make_regression(
    n_samples=100, n_features=1, noise=10.0, bias=14.5, coef=True, random_state=0
)
print("x_np:", x_np.shape, x_np.dtype)
print("y_np:", y_np.shape, y_np.dtype)
print(f"true weight: {float(coef):.4f}, true bias: 14.5")

# zh: 转成 float32，并把 y 变成 (100, 1)，和模型输出的形状一致
# en: convert to float32 and make y (100, 1), the shape of the model's output
x = torch.tensor(x_np, dtype=torch.float32)
y = torch.tensor(y_np, dtype=torch.float32).reshape(-1, 1)
print("x:", x.shape, x.dtype)
print("y:", y.shape, y.dtype)
print("first 3 rows:", torch.cat([x, y], dim=1)[:3])
