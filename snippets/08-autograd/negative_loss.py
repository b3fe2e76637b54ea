import torch

# zh: 1）损失为负，backward() 照常工作：梯度就是导数，与损失的正负无关
# en: 1) a negative loss is fine for backward(): the gradient is the derivative, whatever the sign of the loss
w = torch.tensor(1.0, requires_grad=True)
loss = w**2 - 100
loss.backward()
print("loss:", loss.item(), " w.grad:", w.grad.item())

# zh: 2）对 w**2 - 100 做梯度下降，损失一路降到 -100 并停在那里
# en: 2) gradient descent on w**2 - 100 goes down to -100 and stays there
w = torch.tensor(3.0, requires_grad=True)
for _ in range(50):
    loss = w**2 - 100
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
    w.grad = None
print(f"after 50 steps: w = {w.item():.6f}, loss = {(w**2 - 100).item():.4f}")

# zh: 3）真正的问题是“没有下界”：直接最小化带符号的误差 p - y，它会一直变小
# en: 3) the real issue is a loss with no lower bound: minimising the signed error p - y never stops
x, y = torch.tensor(2.0), torch.tensor(5.0)
w = torch.tensor(1.0, requires_grad=True)
for step in range(4):
    loss = x * w - y
    loss.backward()
    with torch.no_grad():
        w -= 0.5 * w.grad
    w.grad = None
    print(f"step {step}: signed error = {loss.item():.1f}")
