import torch

x = torch.tensor([[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]],
                  [[13, 14, 15, 16], [17, 18, 19, 20], [21, 22, 23, 24]]])

print("x.shape:    ", x.shape)
print("x.size():   ", x.size())
print("x.size(1):  ", x.size(1))
print("x.ndim:     ", x.ndim)
print("x.dim():    ", x.dim())
print("x.numel():  ", x.numel())
print("x.dtype:    ", x.dtype)
print("x.device:   ", x.device)
# zh: torch.Size 是 tuple 的子类，可以解包、比较
# en: torch.Size is a subclass of tuple: you can unpack and compare it
batch, rows, cols = x.shape
print("batch, rows, cols:", batch, rows, cols)
print("x.shape == (2, 3, 4):", x.shape == (2, 3, 4))
