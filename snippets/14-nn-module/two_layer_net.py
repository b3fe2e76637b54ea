import torch
from torch import nn

torch.manual_seed(0)


class TwoLayerNet(nn.Module):
    def __init__(self, in_features, hidden, out_features):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(hidden, out_features)

    def forward(self, x):
        # zh: 线性层 → ReLU → 线性层
        # en: linear → ReLU → linear
        h = self.relu(self.fc1(x))
        return self.fc2(h)


model = TwoLayerNet(in_features=2, hidden=8, out_features=1)
print(model)
for name, param in model.named_parameters():
    print(f"{name}: {tuple(param.shape)}")
print("parameters:", sum(p.numel() for p in model.parameters()))

x = torch.randn(5, 2)
print("output shape:", model(x).shape)
