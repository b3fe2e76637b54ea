import torch
from torch import nn

loss_fn = nn.BCEWithLogitsLoss()
logits = torch.tensor([[1.2], [-0.4], [2.0]])  # (3, 1)

# zh: 错误一：标签是整数张量
# en: mistake 1: integer labels
labels_long = torch.tensor([[1], [0], [1]])
try:
    loss_fn(logits, labels_long)
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 错误二：标签的形状是 (3,)，而输出是 (3, 1)
# en: mistake 2: labels of shape (3,) against outputs of shape (3, 1)
labels_flat = torch.tensor([1.0, 0.0, 1.0])
try:
    loss_fn(logits, labels_flat)
except ValueError as err:
    print("ValueError:", err)

# zh: 正确：浮点数，形状与输出相同
# en: correct: floats, with the same shape as the outputs
labels = labels_long.float()
print(f"loss: {loss_fn(logits, labels).item():.4f}")
