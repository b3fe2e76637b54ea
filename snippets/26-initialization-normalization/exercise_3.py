# snippet: output=device
import torch
from sklearn.datasets import load_digits
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
digits = load_digits()
X = (torch.tensor(digits.images[:1024], dtype=torch.float32).unsqueeze(1) / 16).to(device)
y = torch.tensor(digits.target[:1024]).to(device)


def make_net(batch_norm):
    # zh: PyTorch 默认初始化，不调用 nn.init
    # en: PyTorch's default initialisation, no nn.init call
    units = []
    for i in range(21):
        conv = nn.Conv2d(1 if i == 0 else 16, 16, 3, padding=1, bias=not batch_norm)
        units += [conv, nn.BatchNorm2d(16), nn.ReLU()] if batch_norm else [conv, nn.ReLU()]
    return nn.Sequential(*units, nn.Flatten(), nn.Linear(1024, 10)).to(device)


grad_norms = {}
for batch_norm in (False, True):
    torch.manual_seed(0)
    model = make_net(batch_norm)
    nn.functional.cross_entropy(model(X[:256]), y[:256]).backward()
    grad_norms[batch_norm] = model[0].weight.grad.norm().item()
print(f"first-layer gradient norm at init: without BN {grad_norms[False]:.1e} | with BN {grad_norms[True]:.1e}")
print("BatchNorm makes it > 1000x larger:", grad_norms[True] > 1000 * grad_norms[False])
# zh: 把第一个卷积的权重整体放大 10 倍，后面 BatchNorm 的输出几乎不变（只差 eps 的影响）
# en: scale the first conv's weights by 10 as a whole: the output of the BatchNorm after it barely changes (eps aside)
with torch.no_grad():
    before = model[1](model[0](X[:256]))
    model[0].weight.mul_(10)
    after = model[1](model[0](X[:256]))
max_diff = (after - before).abs().max().item()
print("BatchNorm output unchanged by scaling the conv weights (max diff < 0.05):", max_diff < 0.05)

torch.manual_seed(0)
model = make_net(batch_norm=True)
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
order = torch.Generator().manual_seed(0)
for epoch in range(4):
    losses = []
    for idx in torch.randperm(len(X), generator=order).split(32):
        loss = nn.functional.cross_entropy(model(X[idx]), y[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
print(f"default init + BatchNorm, epoch-4 mean loss {sum(losses) / len(losses):.2f}")
print("default init + BatchNorm trains (loss < 0.5):", sum(losses) / len(losses) < 0.5)
