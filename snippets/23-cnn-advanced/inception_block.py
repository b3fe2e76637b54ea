import torch
from torch import nn

torch.manual_seed(0)


class Inception(nn.Module):
    def __init__(self, c_in, c1, c3, c5, cp):
        super().__init__()
        # zh: 四条并行的分支；3×3 和 5×5 之前先用 1×1 卷积把通道数减半
        # en: four parallel branches; 1×1 convolutions halve the channels before the 3×3 and 5×5
        self.branch1 = nn.Conv2d(c_in, c1, kernel_size=1)
        self.branch3 = nn.Sequential(nn.Conv2d(c_in, c3 // 2, kernel_size=1), nn.ReLU(),
                                     nn.Conv2d(c3 // 2, c3, kernel_size=3, padding=1))
        self.branch5 = nn.Sequential(nn.Conv2d(c_in, c5 // 2, kernel_size=1), nn.ReLU(),
                                     nn.Conv2d(c5 // 2, c5, kernel_size=5, padding=2))
        self.branch_pool = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1), nn.Conv2d(c_in, cp, kernel_size=1))

    def forward(self, x):
        branches = [self.branch1(x), self.branch3(x), self.branch5(x), self.branch_pool(x)]
        # zh: 在通道维（dim=1）上拼接
        # en: concatenate along the channel dimension (dim=1)
        return torch.relu(torch.cat(branches, dim=1))


block = Inception(16, c1=8, c3=16, c5=4, cp=4)
x = torch.randn(1, 16, 8, 8)
for name in ["branch1", "branch3", "branch5", "branch_pool"]:
    print(f"{name:<12}", tuple(getattr(block, name)(x).shape))
print(f"{'concatenated':<12}", tuple(block(x).shape))
print("parameters:", sum(p.numel() for p in block.parameters()))
for k in (3, 5):
    plain = nn.Conv2d(16, 32, kernel_size=k, padding=k // 2)
    print(f"a single {k}x{k} conv 16->32:", sum(p.numel() for p in plain.parameters()), "parameters")
