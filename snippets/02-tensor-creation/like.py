import torch

torch.manual_seed(0)
x = torch.tensor([[1, 2, 3], [4, 5, 6]])

# zh: *_like 复制形状、数据类型和设备，不复制数值
# en: *_like copies the shape, dtype and device, not the values
print("zeros_like(x):")
print(torch.zeros_like(x))
print("full_like(x, 9):")
print(torch.full_like(x, 9))
print("ones_like(x).dtype:", torch.ones_like(x).dtype)
print("empty_like(x).shape:", torch.empty_like(x).shape)

# zh: 想要别的数据类型时，传 dtype
# en: pass dtype when you want another data type
print("rand_like(x, dtype=torch.float32):")
print(torch.rand_like(x, dtype=torch.float32))

# zh: rand_like 默认沿用 x 的整数类型，而均匀分布不支持整数
# en: by default rand_like keeps the integer dtype of x, and uniform sampling does not support integers
try:
    torch.rand_like(x)
except NotImplementedError as err:
    print("NotImplementedError:", err)
