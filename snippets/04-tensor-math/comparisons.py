import torch

x = torch.tensor([1, 5, 3, 8])
y = torch.tensor([2, 5, 1, 9])

# zh: 比较运算逐元素进行，结果是 bool 张量
# en: comparisons work element by element and return bool tensors
print("x > y: ", x > y)
print("x == y:", x == y)
print("x.ge(3):", x.ge(3), (x >= 3).dtype)

# zh: True 计为 1，求和就是计数
# en: True counts as 1, so summing counts
print("how many x > 2:", (x > 2).sum().item())

# zh: 想要一个 Python 布尔值时，用 torch.equal 或 .all()
# en: for one Python bool, use torch.equal or .all()
print("torch.equal(x, y):", torch.equal(x, y))
print("(x <= 10).all():", (x <= 10).all().item())
