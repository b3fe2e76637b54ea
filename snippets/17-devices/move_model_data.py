# snippet: output=device
import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: 模型和数据都放到同一个设备上
# en: put the model and the data on the same device
model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1)).to(device)
x = torch.randn(4, 3).to(device)

# zh: 模型在哪个设备上？看它的参数
# en: which device is the model on? Look at its parameters
print("model is on:", next(model.parameters()).device)
print("x is on:", x.device)

y = model(x)
print("y is on:", y.device)

# zh: 转成 NumPy 或画图之前先回到 CPU
# en: come back to the CPU before converting to NumPy or plotting
y_np = y.detach().cpu().numpy()
print("y_np:", y_np.ravel())
