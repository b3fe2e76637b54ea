import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
# zh: 故意放大输入，让梯度变大
# en: inputs scaled up on purpose, so that the gradients are large
x = torch.randn(16, 64) * 10
y = torch.randint(0, 10, (16,))
nn.functional.cross_entropy(model(x), y).backward()
before = [p.grad.clone() for p in model.parameters()]

# zh: 返回值是裁剪之前的总范数：所有梯度连成一个长向量后的 L2 范数
# en: the return value is the total norm before clipping: the L2 norm of all gradients joined into one long vector
total_norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print(f"returned total norm (before clipping): {total_norm:.2f}")
print(f"total norm after clipping: {nn.utils.get_total_norm([p.grad for p in model.parameters()]):.4f}")

# zh: 所有梯度乘以同一个因子，方向不变
# en: every gradient is multiplied by the same factor, so the direction is unchanged
factor = 1.0 / (total_norm + 1e-6)
print(f"factor: {factor:.4f} | every gradient scaled by it:",
      all(torch.allclose(p.grad, g * factor) for p, g in zip(model.parameters(), before, strict=True)))
