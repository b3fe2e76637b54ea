import torch
from torch import nn

torch.manual_seed(0)


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        h = self.fc(x)
        # zh: 即时执行：h 已经是算好的数，可以直接打印
        # en: eager execution: h already holds real numbers, so you can print it
        print("after fc:  ", h)
        out = torch.relu(h)
        print("after relu:", out)
        return out


model = TinyNet()
x = torch.tensor([[1.0, -2.0, 0.5]])
y = model(x)
print("y:", y)
