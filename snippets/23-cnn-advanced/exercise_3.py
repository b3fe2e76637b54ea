import torch
from torch import nn

torch.manual_seed(0)


class ResidualBN(nn.Module):
    def __init__(self, c):
        super().__init__()
        # zh: 卷积后接 BatchNorm 时卷积的偏置是多余的，所以 bias=False
        # en: a bias before BatchNorm is redundant, hence bias=False
        self.conv1 = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(c)
        self.conv2 = nn.Conv2d(c, c, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(c)

    def forward(self, x):
        fx = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
        return torch.relu(x + fx)


block = ResidualBN(16)
n_params = sum(p.numel() for p in block.parameters())
n_buffers = sum(b.numel() for name, b in block.named_buffers() if "running" in name)
print("parameters:", n_params, "| running statistics (buffers):", n_buffers)
assert n_params == 2 * (16 * 16 * 9) + 2 * (2 * 16)

# zh: 训练模式用当前批量的统计量，评估模式用累积的统计量，所以输出不同
# en: train mode uses the batch statistics, eval mode the running ones, so the outputs differ
x = torch.randn(8, 16, 8, 8)
y_train = block.train()(x)
y_eval = block.eval()(x)
print("output shape:", tuple(y_eval.shape), "| train vs eval equal:", torch.allclose(y_train, y_eval))
