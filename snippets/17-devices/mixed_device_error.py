# snippet: output=device
import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

if device == "cpu":
    print("no accelerator present: every tensor is on the CPU, so a mixed-device error cannot occur here")
else:
    model = nn.Linear(3, 1).to(device)
    # zh: 忘了把输入搬到加速器上
    # en: forgot to move the input to the accelerator
    x = torch.randn(2, 3)
    try:
        model(x)
    except RuntimeError as err:
        print("RuntimeError:", err)
