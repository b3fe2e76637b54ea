import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(16, 64), torch.randint(0, 10, (16,))


def grad_norm():
    return nn.utils.get_total_norm([p.grad for p in model.parameters()]).item()


loss = nn.functional.cross_entropy(model(x), y)
loss.backward(retain_graph=True)
plain = [p.grad.clone() for p in model.parameters()]
print(f"gradient norm without scaling: {grad_norm():.4f}")

# zh: GradScaler 在 CPU 上也能用，所以这段演示在哪里都能运行
# en: GradScaler works on the CPU too, so this demonstration runs anywhere
scaler = torch.amp.GradScaler("cpu")
optimizer.zero_grad()
scaler.scale(loss).backward()
print(f"scale: {scaler.get_scale():.0f} | gradient norm before unscale_: {grad_norm():.1f}")
scaler.unscale_(optimizer)
print(f"gradient norm after unscale_: {grad_norm():.4f} | same gradients as without scaling (bitwise):",
      all(torch.equal(p.grad, g) for p, g in zip(model.parameters(), plain, strict=True)))
nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
# zh: step() 知道梯度已经还原过，不会再除一次
# en: step() knows the gradients are already unscaled and does not divide them again
scaler.step(optimizer)
scaler.update()
