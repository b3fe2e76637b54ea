import torch

# zh: empty 只分配内存、不写入数值，里面是什么都有可能，不要读它
# en: empty allocates memory without writing to it; the contents are arbitrary, so do not read them
x = torch.empty(2, 3)
print("empty(2, 3) -> shape:", x.shape, "dtype:", x.dtype)

# zh: 正确用法：马上用确定的值把它填满
# en: the right way to use it: fill it with known values straight away
x.fill_(0.5)
print("after fill_(0.5):")
print(x)

# zh: 或者作为输出缓冲区，由运算写入结果
# en: or use it as an output buffer that an operation writes into
out = torch.empty(3)
torch.add(torch.tensor([1.0, 2.0, 3.0]), 10, out=out)
print("out:", out)
