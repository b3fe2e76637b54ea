import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(
    nn.Conv2d(1, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(16, 32, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(32 * 2 * 2, 10),
)

# zh: 让一个假批量逐层流过模型，打印每层输出的形状和参数量
# en: push a dummy batch through the model layer by layer; print each output shape and parameter count
x = torch.zeros(64, 1, 8, 8)
print(f"{'input':<10} {tuple(x.shape)}")
for layer in model:
    x = layer(x)
    n_params = sum(p.numel() for p in layer.parameters())
    print(f"{type(layer).__name__:<10} {str(tuple(x.shape)):<17} params={n_params}")
print("total parameters:", sum(p.numel() for p in model.parameters()))
