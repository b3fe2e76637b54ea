import torch

x = torch.tensor([0.0, 1.0, 4.0, 9.0])

print("x.pow(2):", x.pow(2), " x ** 2 equal:", torch.equal(x.pow(2), x**2))
print("x.sqrt():", x.sqrt())
print("x.exp():", x.exp())

# zh: log(0) 是负无穷，不会报错；负数的 log 和 sqrt 得到 nan
# en: log(0) is -inf, not an error; log and sqrt of a negative number give nan
print("x.log():", x.log())
print("log(-1), sqrt(-1):", torch.log(torch.tensor(-1.0)), torch.sqrt(torch.tensor(-1.0)))
# zh: -inf 乘 0 得到 nan，一个 nan 就让整个和变成 nan
# en: -inf times 0 is nan, and one nan turns the whole sum into nan
print("(x.log() * 0).sum():", (x.log() * 0).sum())

# zh: exp 和 log 互为逆运算
# en: exp and log undo each other
y = torch.tensor([0.5, 1.0, 2.0])
print("log(exp(y)):", torch.log(torch.exp(y)))
