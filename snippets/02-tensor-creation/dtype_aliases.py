import torch

# zh: 常用数据类型的别名：它们是同一个对象
# en: short names for common dtypes: they are the very same objects
aliases = {
    "torch.half": (torch.half, torch.float16),
    "torch.float": (torch.float, torch.float32),
    "torch.double": (torch.double, torch.float64),
    "torch.short": (torch.short, torch.int16),
    "torch.int": (torch.int, torch.int32),
    "torch.long": (torch.long, torch.int64),
}
for name, (alias, dtype) in aliases.items():
    print(f"{name:13} is {dtype}: {alias is dtype}")

# zh: 每种类型占用的字节数不同
# en: each dtype takes a different number of bytes per element
for dtype in (torch.bool, torch.uint8, torch.int16, torch.int32, torch.int64,
              torch.float16, torch.bfloat16, torch.float32, torch.float64):
    print(f"{str(dtype):15} itemsize={dtype.itemsize}  is_floating_point={dtype.is_floating_point}")
