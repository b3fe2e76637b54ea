import torch

x = torch.tensor([[1.5, 2.0], [3.0, 4.5]])
# zh: .tolist() 返回嵌套的 Python 列表，元素是 Python 数字
# en: .tolist() returns nested Python lists of Python numbers
rows = x.tolist()
print("rows:", rows)
print("type(rows):", type(rows).__name__, " type(rows[0][0]):", type(rows[0][0]).__name__)

# zh: 0 维张量的 .tolist() 直接给出一个数字，和 .item() 一样
# en: for a 0-d tensor, .tolist() gives a plain number, like .item()
print("torch.tensor(3).tolist():", torch.tensor(3).tolist())

# zh: 列表是复制出来的，改它不影响张量
# en: the list is a copy: changing it leaves the tensor alone
rows[0][0] = 100.0
print("x[0, 0] after rows[0][0] = 100:", x[0, 0].item())
