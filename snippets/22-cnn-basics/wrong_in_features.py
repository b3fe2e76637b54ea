import torch
from torch import nn

torch.manual_seed(0)

# zh: 忘了第二次池化，展平后是 32×4×4 = 512 个特征，而线性层只接收 128 个
# en: the second pooling is missing: after flattening there are 32×4×4 = 512 features, the linear layer expects 128
model = nn.Sequential(
    nn.Conv2d(1, 16, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(16, 32, kernel_size=3, padding=1),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(32 * 2 * 2, 10),
)
try:
    model(torch.zeros(64, 1, 8, 8))
except RuntimeError as err:
    print("RuntimeError:", err)
