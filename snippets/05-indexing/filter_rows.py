import torch

torch.manual_seed(0)
data = torch.randint(0, 10, (5, 4))
print("data:")
print(data)

# zh: 第 2 列大于 5 的行：掩码长度 5，每行一个
# en: rows whose column 2 is above 5: a mask of length 5, one per row
keep = data[:, 2] > 5
print("keep:", keep)
print("data[keep]:")
print(data[keep])

# zh: 第 2 行大于 5 的列：把掩码放在第二个位置
# en: columns where row 2 is above 5: put the mask in the second place
print("data[:, data[2] > 5]:")
print(data[:, data[2] > 5])
