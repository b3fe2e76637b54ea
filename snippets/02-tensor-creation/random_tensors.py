import torch

torch.manual_seed(0)

# zh: rand：[0, 1) 上的均匀分布
# en: rand: uniform on [0, 1)
print("rand(2, 3):")
print(torch.rand(2, 3))

# zh: randn：标准正态分布，均值 0、标准差 1
# en: randn: standard normal, mean 0 and standard deviation 1
print("randn(2, 3):")
print(torch.randn(2, 3))

# zh: randint：[low, high) 上的整数，high 取不到
# en: randint: integers in [low, high); high itself never appears
print("randint(0, 10, (2, 3)):")
print(torch.randint(0, 10, (2, 3)))
print("values seen in 1000 draws of randint(0, 3):", torch.randint(0, 3, (1000,)).unique())

# zh: normal：指定均值和标准差的正态分布
# en: normal: a normal distribution with the mean and standard deviation you choose
print("normal(10, 0.5, (2, 3)):")
print(torch.normal(10.0, 0.5, size=(2, 3)))
# zh: 均值也可以是张量：每个元素各用各的均值
# en: the mean can also be a tensor: each element gets its own mean
print("normal(mean=[0, 10, 100], std=1):", torch.normal(torch.tensor([0.0, 10.0, 100.0]), 1.0))
