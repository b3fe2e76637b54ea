import matplotlib.pyplot as plt
import torch

# zh: 用梯度下降求 loss = w**2 + 20 的最小值（答案：w = 0，loss = 20）
# en: minimise loss = w**2 + 20 by gradient descent (answer: w = 0, loss = 20)
lr = 0.1
w = torch.tensor(10.0, requires_grad=True)
ws, losses = [], []
for step in range(31):
    loss = w**2 + 20
    ws.append(w.item())
    losses.append(loss.item())
    if step % 5 == 0:
        print(f"step {step:2d}: w = {w.item():8.4f}  loss = {loss.item():9.4f}")
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
    w.grad = None

fig, (ax_w, ax_loss) = plt.subplots(1, 2, figsize=(9, 3.5))
ax_w.plot(ws, marker=".", color="tab:blue")
ax_w.set_title("w per step")
ax_w.set_xlabel("step")
ax_w.set_ylabel("w")
ax_loss.plot(losses, marker=".", color="tab:orange")
ax_loss.axhline(20, color="grey", linestyle="--", label="minimum = 20")
ax_loss.set_title("loss = w**2 + 20 per step")
ax_loss.set_xlabel("step")
ax_loss.set_ylabel("loss")
ax_loss.legend()
fig.tight_layout()
plt.show()
