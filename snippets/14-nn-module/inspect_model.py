import torch
from torch import nn

torch.manual_seed(0)


class LinearModel(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.linear = nn.Linear(in_features, out_features)

    def forward(self, x):
        return self.linear(x)


model = LinearModel(in_features=3, out_features=2)
# zh: print 列出模型里注册的子模块
# en: print lists the submodules registered in the model
print(model)

# zh: named_parameters 给出每个参数的名字和张量
# en: named_parameters yields each parameter's name and tensor
for name, param in model.named_parameters():
    print(f"{name}: shape={tuple(param.shape)}, requires_grad={param.requires_grad}")

# zh: 参数总数 = 3 * 2 个权重 + 2 个偏置
# en: parameter count = 3 * 2 weights + 2 biases
n_params = sum(p.numel() for p in model.parameters())
print("parameters:", n_params)
