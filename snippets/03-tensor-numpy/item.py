import torch

loss = torch.tensor([0.25, 0.75]).mean()
# zh: .item() 把只有一个元素的张量变成 Python 数字
# en: .item() turns a one-element tensor into a Python number
value = loss.item()
print("loss:", loss, "->", value, type(value).__name__)

count = torch.tensor([[7]])
print("count.item():", count.item(), type(count.item()).__name__)

# zh: 元素多于一个时，.item() 报错
# en: with more than one element, .item() raises an error
x = torch.tensor([1.0, 2.0, 3.0])
try:
    x.item()
except RuntimeError as err:
    print("RuntimeError:", err)
