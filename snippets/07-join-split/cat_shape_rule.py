import torch

# zh: 除了拼接的那一维，其余各维大小必须相同；拼接维可以不同
# en: every dim except the cat dim must match; the cat dim may differ
x1 = torch.zeros(2, 3, 4)
x2 = torch.zeros(5, 3, 4)
x3 = torch.zeros(1, 3, 4)
print("dim=0:", torch.cat([x1, x2, x3], dim=0).shape)

y1 = torch.zeros(2, 3, 4)
y2 = torch.zeros(2, 3, 1)
print("dim=2:", torch.cat([y1, y2], dim=2).shape)

# zh: 结果的数据类型按类型提升规则决定
# en: the result's dtype follows type promotion
ints = torch.tensor([1, 2])
floats = torch.tensor([0.5])
print("int64 + float32 ->", torch.cat([ints, floats]).dtype, torch.cat([ints, floats]))
