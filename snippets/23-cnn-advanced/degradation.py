import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from torch import nn

digits = load_digits()
X = torch.tensor(digits.images[:1024], dtype=torch.float32).unsqueeze(1) / 16
y = torch.tensor(digits.target[:1024])


class Block(nn.Module):
    def __init__(self, residual):
        super().__init__()
        self.residual = residual
        self.conv1 = nn.Conv2d(16, 16, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(16, 16, kernel_size=3, padding=1)
        nn.init.kaiming_normal_(self.conv1.weight, nonlinearity="relu")
        nn.init.kaiming_normal_(self.conv2.weight, nonlinearity="relu")
        if residual:
            # zh: 残差块的第二个卷积从 0 开始，整个块一开始就是恒等映射
            # en: a residual block's second conv starts at 0, so the whole block starts as the identity
            nn.init.zeros_(self.conv2.weight)

    def forward(self, x):
        fx = self.conv2(torch.relu(self.conv1(x)))
        return torch.relu(x + fx if self.residual else fx)


fig, ax = plt.subplots(figsize=(6, 4))
last_epoch = {}
for name, n_blocks, residual in [("plain, 3 layers", 1, False), ("plain, 21 layers", 10, False),
                                 ("residual, 21 layers", 10, True)]:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), *[Block(residual) for _ in range(n_blocks)],
                          nn.Flatten(), nn.Linear(1024, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    # zh: 三个网络看到的批量顺序完全相同
    # en: all three networks see the batches in the same order
    order = torch.Generator().manual_seed(0)
    losses = []
    for epoch in range(4):
        for idx in torch.randperm(len(X), generator=order).split(32):
            loss = nn.functional.cross_entropy(model(X[idx]), y[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    last_epoch[name] = sum(losses[-32:]) / 32
    print(f"{name:<20} mean training loss in epoch 4: {last_epoch[name]:.2f}")
    ax.plot(losses, label=name, alpha=0.8)
plain3, plain21, residual21 = last_epoch.values()
print("plain 21 layers > 2 x the others:", plain21 > 2 * max(plain3, residual21))
ax.set(title="Training loss of plain and residual networks", xlabel="step (batch of 32)",
       ylabel="cross-entropy loss")
ax.legend()
plt.show()
