import torch

torch.manual_seed(0)
x = 3 * torch.rand(60)
y = 2 * x + 0.5 * torch.randn(60)
w, lr = 0.0, 0.01

print("epoch   last sample   mean over epoch's updates   MSE over all samples")
for epoch in range(5):
    sample_losses = []
    for i in torch.randperm(len(x)):
        y_pred = w * x[i]
        sample_losses.append(((y_pred - y[i]) ** 2).item())
        w -= lr * (2 * x[i] * (y_pred - y[i])).item()
    # zh: 三个数都常被叫作“这一轮的损失”，只有后两个说得通
    # en: all three get called "the loss of this epoch"; only the last two mean anything
    last = sample_losses[-1]
    running = sum(sample_losses) / len(sample_losses)
    full = ((w * x - y) ** 2).mean().item()
    print(f"{epoch:5d}   {last:11.4f}   {running:25.4f}   {full:20.4f}")
