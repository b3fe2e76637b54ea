import torch
from sklearn.datasets import load_digits
from torch import nn

digits = load_digits()
X = torch.tensor(digits.images[:256], dtype=torch.float32).unsqueeze(1) / 16
y = torch.tensor(digits.target[:256])


class Residual(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv1 = nn.Conv2d(c, c, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(c, c, kernel_size=3, padding=1)

    def forward(self, x):
        return torch.relu(x + self.conv2(torch.relu(self.conv1(x))))


def make_net(n_convs, residual):
    if residual:
        body = [Residual(16) for _ in range(n_convs // 2)]
    else:
        body = [layer for _ in range(n_convs) for layer in (nn.Conv2d(16, 16, 3, padding=1), nn.ReLU())]
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), *body, nn.Flatten(), nn.Linear(1024, 10))


def init_kaiming(module):
    if isinstance(module, (nn.Conv2d, nn.Linear)):
        nn.init.kaiming_normal_(module.weight, nonlinearity="relu")
        nn.init.zeros_(module.bias)


# zh: 刚初始化的网络做一次反向传播，看第一层权重的梯度有多大
# en: one backward pass through a freshly initialised network: how large is the first layer's gradient?
print("conv layers | plain, default | plain, Kaiming | residual, default")
for n_convs in (2, 10, 20):
    norms = []
    for residual, kaiming in [(False, False), (False, True), (True, False)]:
        torch.manual_seed(0)
        model = make_net(n_convs, residual)
        if kaiming:
            model.apply(init_kaiming)
        nn.functional.cross_entropy(model(X), y).backward()
        norms.append(model[0].weight.grad.norm().item())
    print(f"{n_convs + 1:11d} | {norms[0]:14.1e} | {norms[1]:14.1e} | {norms[2]:17.1e}")
