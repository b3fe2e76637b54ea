import torch
from torch import nn

torch.manual_seed(0)
loss_fn = nn.CrossEntropyLoss()
logits = torch.randn(3, 10)  # 3 samples, classes 0..9

mistakes = {
    "int32 labels": torch.tensor([1, 0, 9], dtype=torch.int32),
    "labels of shape (3, 1)": torch.tensor([[1], [0], [9]]),
    "labels 1..10 instead of 0..9": torch.tensor([2, 1, 10]),
}
for name, target in mistakes.items():
    try:
        loss_fn(logits, target)
    except (RuntimeError, IndexError) as err:
        print(f"{name}: {type(err).__name__}: {err}")

# zh: 正确：int64 的类别下标，形状 (N,)，取值 0 到 C - 1
# en: correct: int64 class indices of shape (N,), values 0 to C - 1
print(f"loss: {loss_fn(logits, torch.tensor([1, 0, 9])).item():.4f}")
