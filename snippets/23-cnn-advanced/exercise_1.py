import torch
from torch import nn

torch.manual_seed(0)


class Inception(nn.Module):
    def __init__(self, c_in, c1, c3, c5, cp):
        super().__init__()
        self.branch1 = nn.Conv2d(c_in, c1, 1)
        self.branch3 = nn.Sequential(nn.Conv2d(c_in, c3 // 2, 1), nn.ReLU(), nn.Conv2d(c3 // 2, c3, 3, padding=1))
        self.branch5 = nn.Sequential(nn.Conv2d(c_in, c5 // 2, 1), nn.ReLU(), nn.Conv2d(c5 // 2, c5, 5, padding=2))
        self.branch_pool = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1), nn.Conv2d(c_in, cp, 1))

    def forward(self, x):
        return torch.relu(torch.cat([self.branch1(x), self.branch3(x), self.branch5(x), self.branch_pool(x)], 1))


def conv_params(c_in, c_out, k):
    return c_out * (c_in * k * k + 1)


# zh: Inception(16, c1=8, c3=16, c5=4, cp=4)，按分支逐个累加
# en: Inception(16, c1=8, c3=16, c5=4, cp=4), branch by branch
by_formula = (
    conv_params(16, 8, 1)                            # branch1
    + conv_params(16, 8, 1) + conv_params(8, 16, 3)  # branch3: 1x1 -> 3x3
    + conv_params(16, 2, 1) + conv_params(2, 4, 5)   # branch5: 1x1 -> 5x5
    + conv_params(16, 4, 1)                          # branch_pool: MaxPool2d -> 1x1
)
block = Inception(16, c1=8, c3=16, c5=4, cp=4)
by_numel = sum(p.numel() for p in block.parameters())
print("by formula:", by_formula, "| by numel:", by_numel)
for name, branch in block.named_children():
    print(f"{name:<12}", sum(p.numel() for p in branch.parameters()))
assert by_formula == by_numel
