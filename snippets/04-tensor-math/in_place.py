import torch

x = torch.tensor([1.0, 2.0, 3.0])
address = x.data_ptr()

# zh: 不带下划线：返回新张量，x 不变
# en: without the underscore: a new tensor comes back, x stays the same
y = x.add(10)
print("y:", y, " x:", x)
print("y is x:", y is x)

# zh: 带下划线：直接改写 x，并把 x 本身返回
# en: with the underscore: x itself is overwritten and returned
z = x.add_(10)
print("x:", x)
print("z is x:", z is x, " same memory:", x.data_ptr() == address)

# zh: 运算符 += 和 *= 也是原地操作
# en: the operators += and *= are in-place too
x *= 2
print("x after x *= 2:", x, " same memory:", x.data_ptr() == address)
