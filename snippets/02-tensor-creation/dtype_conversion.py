import torch

x = torch.tensor([1, 2, 3])
print("x.dtype:", x.dtype)

# zh: .to(dtype)：推荐的写法，返回新张量，原张量不变
# en: .to(dtype): the recommended way; it returns a new tensor and leaves x alone
y = x.to(torch.float32)
print("x.to(torch.float32):", y, y.dtype)
print("x is unchanged:", x.dtype)

# zh: 类型已经一致时，.to 直接返回原张量，不复制
# en: if the dtype already matches, .to returns the same tensor without a copy
print("x.to(torch.int64) is x:", x.to(torch.int64) is x)

# zh: .type()：不带参数时返回类型名字符串，带 dtype 时做转换
# en: .type(): without an argument it returns the type name; with a dtype it converts
print("x.type():", x.type())
z = x.type(torch.float64)
print("x.type(torch.float64):", z, z.dtype)

# zh: 一次 .to 可以同时指定设备和数据类型
# en: a single .to call can set both the device and the dtype
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
w = x.to(device, torch.float16)
print("w.dtype:", w.dtype)
