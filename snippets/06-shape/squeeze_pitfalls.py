import torch

# zh: 批量大小恰好为 1 时，squeeze() 连批量维也一起去掉了
# en: with a batch size of 1, squeeze() removes the batch dim as well
logits = torch.zeros(1, 1)
print("logits.squeeze().shape:", logits.squeeze().shape)
print("logits.squeeze(-1).shape:", logits.squeeze(-1).shape)

# zh: 预测是 (N, 1)、目标是 (N,) 时相减，广播会悄悄得到 (N, N)
# en: subtracting a (N,) target from (N, 1) predictions silently broadcasts to (N, N)
y_pred = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
y = torch.tensor([1.0, 2.0, 3.0, 4.0])
print("(y_pred - y).shape:", (y_pred - y).shape)
print("wrong mse:", ((y_pred - y) ** 2).mean().item())

# zh: 先把两者对齐成同一形状
# en: align the shapes first
print("(y_pred.squeeze(-1) - y).shape:", (y_pred.squeeze(-1) - y).shape)
print("right mse:", ((y_pred.squeeze(-1) - y) ** 2).mean().item())
print("(y_pred - y.unsqueeze(1)).shape:", (y_pred - y.unsqueeze(1)).shape)
