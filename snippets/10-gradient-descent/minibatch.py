import torch

torch.manual_seed(0)
x = 3 * torch.rand(60)
y = 2 * x + 0.5 * torch.randn(60)
w, lr, batch_size = 0.0, 0.02, 10

for epoch in range(5):
    perm = torch.randperm(len(x))
    batch_losses = []
    # zh: 把打乱后的索引切成 6 段，每段 10 个样本，每段更新一次
    # en: cut the shuffled indices into 6 slices of 10 samples; one update per slice
    for start in range(0, len(x), batch_size):
        idx = perm[start:start + batch_size]
        y_pred = w * x[idx]
        batch_losses.append(((y_pred - y[idx]) ** 2).mean().item())
        w -= lr * (2 * x[idx] * (y_pred - y[idx])).mean().item()
    full = ((w * x - y) ** 2).mean().item()
    print(f"epoch {epoch}: {len(batch_losses)} updates, batch losses "
          f"{min(batch_losses):.3f}..{max(batch_losses):.3f}, w = {w:.4f}, MSE over all samples = {full:.4f}")
