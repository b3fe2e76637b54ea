import torch

w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
# zh: 张量已经在 CPU 上时，.cpu() 直接返回它本身
# en: for a tensor already on the CPU, .cpu() returns the tensor itself
print("w.cpu() is w:", w.cpu() is w)

a = w.detach().cpu().numpy()
a[0] = 100.0
print("after a[0] = 100:", w)

# zh: 加上 .copy() 才是真正独立的数组
# en: only with .copy() is the array truly independent
b = w.detach().cpu().numpy().copy()
b[1] = -1.0
print("after b[1] = -1: ", w)
