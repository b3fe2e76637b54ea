import torch
from torch import nn

torch.manual_seed(0)
loss_fn = nn.CrossEntropyLoss()
# zh: 3 个样本，10 个类别（0 到 9）
# en: 3 samples, 10 classes (0 to 9)
logits = torch.randn(3, 10)

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

# zh: 正确写法一：int64 的类别索引，形状 (N,)，取值 0 到 C - 1
# en: correct 1: int64 class indices of shape (N,), values 0 to C - 1
target = torch.tensor([1, 0, 9])
print(f"class indices:       loss {loss_fn(logits, target).item():.4f}")
# zh: 正确写法二：float 的类别概率，形状与 logits 相同 (N, C)，每行和为 1；每行是独热向量时损失与上面相同
# en: correct 2: float class probabilities of the logits' shape (N, C), each row summing to 1; one-hot rows give the same loss
one_hot = nn.functional.one_hot(target, num_classes=10).float()
print(f"one-hot rows:        loss {loss_fn(logits, one_hot).item():.4f}")
# zh: 软标签：正确类别 0.91，其余各 0.01，与 label_smoothing=0.1 相同
# en: soft labels: 0.91 for the true class, 0.01 for each other one, the same as label_smoothing=0.1
soft = 0.9 * one_hot + 0.01
print(f"soft labels:         loss {loss_fn(logits, soft).item():.4f}")
print(f"label_smoothing=0.1: loss {nn.CrossEntropyLoss(label_smoothing=0.1)(logits, target).item():.4f}")
