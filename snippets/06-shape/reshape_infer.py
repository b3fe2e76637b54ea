import torch

x = torch.arange(12)

# zh: -1 表示“这一维由 PyTorch 根据元素个数推算”
# en: -1 means "PyTorch works this size out from the element count"
print("x.reshape(-1, 4).shape:", x.reshape(-1, 4).shape)
print("x.reshape(2, -1, 3).shape:", x.reshape(2, -1, 3).shape)
print("x.reshape(-1).shape:", x.reshape(-1).shape)

# zh: 推算不出整数时报错
# en: it fails when no whole number fits
try:
    x.reshape(-1, 5)
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 只能有一个 -1
# en: only one size may be -1
try:
    x.reshape(-1, -1)
except RuntimeError as err:
    print("RuntimeError:", err)
