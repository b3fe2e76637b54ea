import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([10.0, 20.0, 30.0])

print("x + y:", x + y)
print("x - y:", x - y)
print("x * y:", x * y)
print("x / y:", x / y)
print("-x:   ", -x)

# zh: 运算符只是函数的简写，两者结果完全相同
# en: the operators are shorthand for the functions: the results are identical
same = (
    torch.equal(x + y, torch.add(x, y))
    and torch.equal(x - y, torch.sub(x, y))
    and torch.equal(x * y, torch.mul(x, y))
    and torch.equal(x / y, torch.div(x, y))
    and torch.equal(-x, torch.neg(x))
)
print("operators == functions:", same)

# zh: 和一个 Python 数字运算时，这个数字作用到每个元素上
# en: with a Python number, the number applies to every element
print("x * 10:", x * 10)
print("x.sub(1):", x.sub(1))
print("x is unchanged:", x)
