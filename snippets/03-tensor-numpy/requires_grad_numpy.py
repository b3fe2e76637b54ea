import torch

w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
try:
    w.numpy()
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: detach() 得到一个不受自动微分跟踪的张量，它仍和 w 共享内存
# en: detach() gives a tensor that autograd does not track; it still shares memory with w
a = w.detach().numpy()
print("a:", a)
print("same address:", a.ctypes.data == w.data_ptr())

# zh: 所以改 a 就是改 w，而自动微分对此一无所知
# en: so writing to a changes w, and autograd never hears about it
a[0] = 10.0
print("w:", w)
