import torch

# zh: meta 设备上的张量只有形状和数据类型、没有数据，任何 PyTorch 构建都有这个设备；这里用它代替 GPU 张量
# en: a tensor on the meta device has a shape and a dtype but no data, and every PyTorch build has it; it stands in for a GPU tensor here
x = torch.empty(3, device="meta")
print("x.device:", x.device)
try:
    x.numpy()
except TypeError as err:
    print(f"{type(err).__name__}: {err}")

# zh: 在任何设备上都能用的写法
# en: the form that works on every device
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
w = torch.ones(3, device=device, requires_grad=True)
a = w.detach().cpu().numpy()
print("a:", a)

# zh: 等价的简写：numpy(force=True)
# en: the same thing in one call: numpy(force=True)
print("w.numpy(force=True):", w.numpy(force=True))
