import torch

# zh: 每个旧式构造函数对应一种固定的数据类型
# en: each legacy constructor stands for one fixed dtype
for cls in (torch.ShortTensor, torch.IntTensor, torch.LongTensor,
            torch.HalfTensor, torch.FloatTensor, torch.DoubleTensor, torch.BoolTensor):
    print(f"{cls.__name__:12} -> {cls([1]).dtype}")

# zh: 它们会悄悄截断小数
# en: they silently truncate fractions
x = torch.IntTensor([2.5, 3.9, -1.7])
print("torch.IntTensor([2.5, 3.9, -1.7]):", x)

# zh: 它们只能创建 CPU 张量
# en: they can only create CPU tensors
try:
    torch.FloatTensor([1.0, 2.0], device="cuda")
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 推荐写法：torch.tensor 加上 dtype 和 device 参数
# en: what to use instead: torch.tensor with the dtype and device arguments
y = torch.tensor([2, 3, -1], dtype=torch.int32)
print("torch.tensor(..., dtype=torch.int32):", y)

# zh: 只要形状时，用 torch.zeros / torch.empty 并写明 dtype
# en: when you only need a shape, use torch.zeros / torch.empty with an explicit dtype
z = torch.zeros(2, 3, dtype=torch.float64)
print("torch.zeros(2, 3, dtype=torch.float64):", z.dtype, tuple(z.shape))
