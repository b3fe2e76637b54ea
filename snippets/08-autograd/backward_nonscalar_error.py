import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x**2
print("y:", y)

# zh: y 有 3 个元素，backward() 不知道该用什么权重把它们合成一个数
# en: y has 3 elements; backward() does not know how to weigh them into one number
try:
    y.backward()
except RuntimeError as err:
    print("RuntimeError:", err)
