import torch

# zh: 真实标签是 1，模型却很确信是 0：logit = -6
# en: the label is 1, but the model is confident it is 0: logit = -6
y = torch.tensor(1.0)
z_mse = torch.tensor(-6.0, requires_grad=True)
z_bce = torch.tensor(-6.0, requires_grad=True)

mse = (torch.sigmoid(z_mse) - y) ** 2
bce = torch.nn.functional.binary_cross_entropy_with_logits(z_bce, y)
mse.backward()
bce.backward()

p = torch.sigmoid(torch.tensor(-6.0))
print(f"p = sigmoid(-6) = {p.item():.5f}")
print(f"MSE: loss {mse.item():.4f}, dloss/dz {z_mse.grad.item():+.5f}")
print(f"BCE: loss {bce.item():.4f}, dloss/dz {z_bce.grad.item():+.5f}")
print(f"ratio BCE/MSE gradient: {z_bce.grad.item() / z_mse.grad.item():.0f}")
# zh: 两个梯度的公式：MSE 是 2(p - y)p(1 - p)，BCE 是 p - y
# en: the two formulas: MSE gives 2(p - y)p(1 - p), BCE gives p - y
torch.testing.assert_close(z_mse.grad, 2 * (p - y) * p * (1 - p))
torch.testing.assert_close(z_bce.grad, p - y)
