import torch

x = torch.tensor([-1.7, 0.0, 2.9])

print("half():  ", x.half())
print("float(): ", x.float())
print("double():", x.double())
# zh: 转成整数类型时向零截断，不是四舍五入
# en: converting to an integer type truncates toward zero; it does not round
print("short(): ", x.short())
print("int():   ", x.int())
print("long():  ", x.long())
# zh: 转成布尔：非零为 True，零为 False
# en: converting to bool: non-zero is True, zero is False
print("bool():  ", x.bool())

# zh: 想四舍五入，先 round() 再转换
# en: to round, call round() before converting
print("round().long():", x.round().long())
