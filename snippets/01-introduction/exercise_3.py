import torch

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

a = torch.ones(100, 100, device=device)
b = torch.ones(100, 100, device=device)
c = a @ b
# zh: .item() 把结果作为 Python 数字取回 CPU，无论它原来在哪个设备上
# en: .item() brings the result back to the CPU as a Python number, whatever device it was on
total = c.sum().item()
print("c[0, 0]:", c[0, 0].item())
print("sum of c:", total)
assert total == 100 * 100 * 100
