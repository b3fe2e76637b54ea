import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

g = torch.Generator().manual_seed(0)
hours = torch.rand(200, 1, generator=g) * 10
passed = torch.bernoulli(torch.sigmoid(1.5 * (hours - 5)), generator=g)
x, y = hours.to(device), passed.to(device)

model = nn.Linear(1, 1).to(device)
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.1)

# zh: 数据只有 200 行，每一步都用全部数据（全批量）
# en: with only 200 rows, every step uses all the data (full batch)
losses = []
for epoch in range(500):
    loss = loss_fn(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    losses.append(loss.item())
    if epoch % 100 == 0:
        print(f"epoch {epoch:3d}: loss {loss.item():.4f}")

w, b = model.weight.item(), model.bias.item()
boundary = -b / w
with torch.no_grad():
    accuracy = ((model(x) > 0).float() == y).float().mean().item()
true_rule_accuracy = ((hours > 5).float() == passed).float().mean().item()
print(f"learned w = {w:.3f}, b = {b:.3f}  (true: 1.5, -7.5)")
print(f"decision boundary -b/w = {boundary:.2f} h  (true: 5.00 h)")
print(f"training accuracy: {accuracy:.3f}  (true rule hours > 5: {true_rule_accuracy:.3f})")
assert accuracy > 0.85 and abs(boundary - 5) < 0.5

grid = torch.linspace(0, 10, 200).reshape(-1, 1)
with torch.no_grad():
    p_grid = torch.sigmoid(model(grid.to(device))).cpu()
fig, (ax_loss, ax_fit) = plt.subplots(1, 2, figsize=(10, 4))
ax_loss.plot(losses, color="tab:red")
ax_loss.set(title="Training loss", xlabel="epoch", ylabel="BCE")
ax_fit.scatter(hours[passed == 0], passed[passed == 0], s=12, color="tab:orange", label="fail (0)")
ax_fit.scatter(hours[passed == 1], passed[passed == 1], s=12, color="tab:blue", label="pass (1)")
ax_fit.plot(grid, p_grid, color="tab:red", label="learned P(pass)")
ax_fit.plot(grid, torch.sigmoid(1.5 * (grid - 5)), "--", color="tab:green", label="true P(pass)")
ax_fit.axhline(0.5, color="tab:gray", linestyle=":", label="threshold 0.5")
ax_fit.axvline(boundary, color="black", linestyle="--", label=f"boundary {boundary:.2f} h")
ax_fit.set(title="Probability of passing", xlabel="hours studied", ylabel="P(pass)")
ax_fit.legend(loc="center right", fontsize=8)
plt.show()
