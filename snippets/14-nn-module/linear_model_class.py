import torch
from torch import nn

torch.manual_seed(0)


# zh: 自定义模型：继承 nn.Module，在 __init__ 里创建层，在 forward 里写计算
# en: a custom model: subclass nn.Module, create layers in __init__, compute in forward
class LinearModel(nn.Module):
    def __init__(self):
        super().__init__()
        # zh: 1 个输入特征，1 个输出
        # en: 1 input feature, 1 output
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)


model = LinearModel()
# zh: 每行是一个样本，每列是一个特征：形状 (3, 1)
# en: one sample per row, one feature per column: shape (3, 1)
x = torch.tensor([[1.0], [2.0], [3.0]])
y_pred = model(x)
print("x.shape:", x.shape)
print("y_pred:", y_pred)
print("y_pred.shape:", y_pred.shape)
