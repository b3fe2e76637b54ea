import torch
from torch import nn

g = torch.Generator().manual_seed(0)
hours = torch.rand(200, 1, generator=g) * 10
passed = torch.bernoulli(torch.sigmoid(1.5 * (hours - 5)), generator=g)


def train_sgd(x, lr, epochs=300):
    torch.manual_seed(0)
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for epoch in range(epochs):
        loss = nn.functional.binary_cross_entropy_with_logits(model(x), passed)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(round(loss.item(), 4))
    return model, losses


# zh: 不标准化：学习率小了太慢，大了不收敛
# en: raw hours: a small learning rate is too slow, a large one does not converge
for lr in (0.1, 2.0):
    print(f"raw hours,    lr = {lr}: last 4 losses {train_sgd(hours, lr)[1][-4:]}")

# zh: 标准化之后，SGD 用 lr = 1.0 就能稳定收敛
# en: after standardising, SGD with lr = 1.0 converges steadily
mean, std = hours.mean().item(), hours.std().item()
model, losses = train_sgd((hours - mean) / std, lr=1.0)
loss = losses[-1]
print(f"standardised, lr = 1.0: last 4 losses {losses[-4:]}")

# w_s * (h - mean) / std + b_s = (w_s / std) * h + (b_s - w_s * mean / std)
w_s, b_s = model.weight.item(), model.bias.item()
w, b = w_s / std, b_s - w_s * mean / std
print(f"in hours: w = {w:.3f}, b = {b:.3f}, boundary = {-b / w:.2f} h")
assert loss < 0.221 and abs(-b / w - 5.09) < 0.05
