import torch
from torch import nn

torch.manual_seed(0)


class Residual(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv1 = nn.Conv2d(c, c, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(c, c, kernel_size=3, padding=1)

    def forward(self, x):
        return torch.relu(x + self.conv2(torch.relu(self.conv1(x))))


block = Residual(16)
# zh: 把 F(x) 的最后一层清零，残差块就只剩捷径：y = relu(x)
# en: zero the last layer of F(x) and only the shortcut is left: y = relu(x)
with torch.no_grad():
    block.conv2.weight.zero_()
    block.conv2.bias.zero_()
    x = torch.randn(2, 16, 8, 8).relu()
    y = block(x)
print("F(x) = 0  ->  y == x:", torch.equal(y, x))
assert torch.equal(y, x)
