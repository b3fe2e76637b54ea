import torch
from sklearn.datasets import load_digits
from torch import nn

torch.manual_seed(0)

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


def plain_net(n_convs):
    body = [layer for _ in range(n_convs) for layer in (nn.Conv2d(16, 16, 3, padding=1), nn.ReLU())]
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), *body, nn.Flatten(), nn.Linear(1024, 10))


def residual_net(n_convs):
    body = [Residual(16) for _ in range(n_convs // 2)]
    return nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), *body, nn.Flatten(), nn.Linear(1024, 10))


# zh: 刚初始化的网络做一次反向传播，看第一层权重的梯度有多大
# en: one backward pass through a freshly initialised network: how large is the first layer's gradient?
print("conv layers | plain grad norm | residual grad norm")
for n_convs in (2, 10, 20):
    norms = []
    for make in (plain_net, residual_net):
        torch.manual_seed(0)
        model = make(n_convs)
        nn.functional.cross_entropy(model(X), y).backward()
        norms.append(model[0].weight.grad.norm().item())
    print(f"{n_convs + 1:11d} | {norms[0]:15.2e} | {norms[1]:18.2e}")
