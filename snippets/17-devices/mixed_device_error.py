# snippet: output=device
import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: meta 设备只记录形状和数据类型、不存数据，任何 PyTorch 都带着它，所以在只有 CPU 的机器上也能制造这个错误
# en: the meta device keeps shapes and dtypes but no data, and every PyTorch build has it, so this error shows on a CPU-only machine too
model = nn.Linear(3, 1).to("meta")
# zh: 输入忘了搬到模型所在的设备，还在 CPU 上
# en: the input was never moved to the model's device: it is still on the CPU
x = torch.randn(2, 3)
try:
    model(x)
except RuntimeError as err:
    print(f"{type(err).__name__}: {err}")

# zh: 改法：把输入搬到模型参数所在的设备
# en: the fix: move the input to the device of the model's parameters
model_device = next(model.parameters()).device
print("fixed:", model(x.to(model_device)))

# zh: 有加速器时，在真实的硬件上再犯一次同样的错误
# en: with an accelerator, make the same mistake on real hardware
if device != "cpu":
    try:
        nn.Linear(3, 1).to(device)(x)
    except RuntimeError as err:
        print(f"{type(err).__name__}: {err}")
