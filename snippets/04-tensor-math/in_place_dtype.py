import torch

counts = torch.tensor([1, 2, 3])
# zh: 普通除法返回新的 float 张量，没有问题
# en: ordinary division returns a new float tensor: fine
print("counts / 2:", counts / 2)

# zh: 原地除法的结果要写回 int64 张量，放不下小数，于是报错
# en: in-place division must write into the int64 tensor, which cannot hold fractions
try:
    counts.div_(2)
except RuntimeError as err:
    print("RuntimeError:", err)
