import torch

torch.manual_seed(0)
x = torch.randn(3, 4).round(decimals=2)
print("x:")
print(x)

# zh: 通过掩码赋值：把所有负数改成 0，直接改写 x
# en: assign through a mask: every negative becomes 0, written into x
x[x < 0] = 0.0
print("after x[x < 0] = 0:")
print(x)

# zh: 也可以赋一组值：3 个 True 对应 3 个值，按顺序填入
# en: you can assign several values: 3 Trues take 3 values, in order
y = torch.zeros(5)
mask = torch.tensor([True, False, True, False, True])
y[mask] = torch.tensor([1.0, 2.0, 3.0])
print("y:", y)
try:
    y[mask] = torch.tensor([1.0, 2.0])
except RuntimeError as err:
    print("RuntimeError:", err)

# zh: 不想改原张量时，用 masked_fill 或 torch.where 得到新张量
# en: to leave the original alone, masked_fill or torch.where return a new tensor
z = torch.tensor([-1.0, 2.0, -3.0])
print("masked_fill:", z.masked_fill(z < 0, 0.0), " where:", torch.where(z < 0, 0.0, z), " z:", z)
