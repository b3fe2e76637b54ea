import torch

x = torch.arange(20).reshape(4, 5)

# zh: start:stop:step，包含 start，不包含 stop
# en: start:stop:step includes start and excludes stop
print("x[:3, :2]:")
print(x[:3, :2])
print("x[1:, :2]:")
print(x[1:, :2])

# zh: 1::2 从第 1 个开始隔一个取；::2 从头开始隔一个取
# en: 1::2 takes every other one starting at 1; ::2 every other one from the start
print("x[1::2]:")
print(x[1::2])
print("x[:, ::2]:")
print(x[:, ::2])
print("x[1::2, ::2]:")
print(x[1::2, ::2])
