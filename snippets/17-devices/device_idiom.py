# snippet: output=device
import torch

torch.manual_seed(0)

# zh: 有加速器就用加速器，否则用 CPU
# en: use the accelerator if there is one, the CPU otherwise
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
print("device:", device)

# zh: 直接在目标设备上创建张量，省去一次复制
# en: create tensors directly on the target device, saving a copy
x = torch.randn(2, 3, device=device)
print("x.device:", x.device)

# zh: torch.device 只是对设备的描述，创建它不需要设备真的存在
# en: a torch.device only describes a device; creating one does not need the hardware
gpu = torch.device("cuda", 0)
print("torch.device('cuda', 0):", gpu, "| type:", gpu.type, "| index:", gpu.index)
