# snippet: output=device
import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
digits = load_digits()
X = (torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16).to(device)
y = torch.tensor(digits.target).to(device)
# zh: 和第 23 章一样用前 1024 张图训练，其余 773 张留作测试
# en: as in chapter 23, train on the first 1024 images and keep the other 773 for testing
X_train, y_train, X_test, y_test = X[:1024], y[:1024], X[1024:], y[1024:]


def conv_unit(c_in, batch_norm):
    if batch_norm:
        return [nn.Conv2d(c_in, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU()]
    return [nn.Conv2d(c_in, 16, 3, padding=1), nn.ReLU()]


def init_he(module):
    if isinstance(module, (nn.Conv2d, nn.Linear)):
        nn.init.kaiming_normal_(module.weight, nonlinearity="relu")
        if module.bias is not None:
            nn.init.zeros_(module.bias)


fig, ax = plt.subplots(figsize=(6, 4))
results = {}
for name, he, batch_norm in [("default init", False, False), ("He init", True, False),
                             ("He init + BatchNorm", True, True)]:
    torch.manual_seed(0)
    # zh: 21 个卷积层 + 1 个线性层，没有捷径
    # en: 21 conv layers + 1 linear layer, no shortcuts
    units = [layer for i in range(21) for layer in conv_unit(1 if i == 0 else 16, batch_norm)]
    model = nn.Sequential(*units, nn.Flatten(), nn.Linear(1024, 10)).to(device)
    if he:
        model.apply(init_he)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    order = torch.Generator().manual_seed(0)
    losses = []
    model.train()
    for epoch in range(4):
        for idx in torch.randperm(len(X_train), generator=order).split(32):
            loss = nn.functional.cross_entropy(model(X_train[idx]), y_train[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    model.eval()
    with torch.no_grad():
        train_acc = (model(X_train).argmax(1) == y_train).float().mean().item()
        test_acc = (model(X_test).argmax(1) == y_test).float().mean().item()
    results[name] = (sum(losses[-32:]) / 32, train_acc, test_acc)
    print(f"{name:<20} epoch-4 mean loss {results[name][0]:.2f} | train acc {train_acc:.3f} | test acc {test_acc:.3f}")
    ax.plot(losses, label=name, alpha=0.8)
loss_default, loss_bn = results["default init"][0], results["He init + BatchNorm"][0]
print("default init stuck near chance (loss > 2):", loss_default > 2)
print("He init + BatchNorm trains (loss < 0.5):", loss_bn < 0.5)
train_acc, test_acc = results["He init + BatchNorm"][1:]
assert train_acc > 0.85 and test_acc > 0.7, (train_acc, test_acc)
ax.set(title="21-layer plain CNN on digits", xlabel="step (batch of 32)", ylabel="cross-entropy loss")
ax.legend()
plt.show()
