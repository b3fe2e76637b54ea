import torch

print("zeros(2, 3):")
print(torch.zeros(2, 3))
print("ones(2, 3):")
print(torch.ones(2, 3))

# zh: full 的数据类型跟着填充值走
# en: full takes its dtype from the fill value
print("full((2, 3), 7):", torch.full((2, 3), 7).dtype)
print("full((2, 3), 7.0):", torch.full((2, 3), 7.0).dtype)
print(torch.full((2, 3), 7.0))

# zh: eye：单位矩阵；给两个参数时得到矩形
# en: eye: the identity matrix; with two arguments it is rectangular
print("eye(3):")
print(torch.eye(3))
print("eye(2, 4):")
print(torch.eye(2, 4))
