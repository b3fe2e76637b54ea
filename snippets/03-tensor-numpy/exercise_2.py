import torch

torch.manual_seed(0)
y = torch.randn(8)
w = torch.tensor(0.5, requires_grad=True)
losses = [(y[i] - w) ** 2 for i in range(8)]
print("losses[0]:", losses[0])

# zh: .item() 对需要梯度的张量也能用，得到的 float 不再被自动微分跟踪
# en: .item() works on tensors that require grad; autograd does not track the float it returns
total = 0.0
for loss in losses:
    total += loss.item()
mean_loss = total / len(losses)
print("mean_loss:", round(mean_loss, 4), type(mean_loss).__name__)

assert isinstance(mean_loss, float)
assert abs(mean_loss - torch.stack(losses).mean().item()) < 1e-6
