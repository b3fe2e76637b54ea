# snippet: output=device
import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
x = torch.arange(3.0, device=device)
print("x.device:", x.device)

# zh: NumPy 只能读主机内存。x 在 CUDA 或 MPS 上时，这一行会报错
# en: NumPy reads host memory only. If x is on CUDA or MPS, this line fails
try:
    print("x.numpy():", x.numpy())
except TypeError as err:
    print("TypeError:", err)

# zh: 在任何设备上都能用的写法
# en: the form that works on every device
w = torch.ones(3, device=device, requires_grad=True)
a = w.detach().cpu().numpy()
print("a:", a)

# zh: 等价的简写：numpy(force=True)
# en: the same thing in one call: numpy(force=True)
print("w.numpy(force=True):", w.numpy(force=True))
