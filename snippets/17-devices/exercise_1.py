import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

model = nn.Linear(3, 1).to(device)
x = torch.randn(4, 3)
# zh: 原来的错误写法是 x.to(device)，结果被丢掉了；要把返回值赋回去
# en: the buggy line was x.to(device), which throws the result away; assign it back
x = x.to(device)

model_device = next(model.parameters()).device
print("x on the model's device:", x.device == model_device)
assert x.device == model_device
print("output shape:", model(x).shape)
