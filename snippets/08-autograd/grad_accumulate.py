import torch

w = torch.tensor(3.0, requires_grad=True)

# zh: 同样的前向 + 反向做三次，梯度会累加，而不是覆盖
# en: run the same forward + backward three times: gradients add up, they are not replaced
for step in range(1, 4):
    loss = w**2
    loss.backward()
    print(f"after backward #{step}: w.grad = {w.grad.item()}   (d(w**2)/dw = {2 * w.item()})")
