import torch

torch.manual_seed(0)
a = torch.randn(2, 3)
b = torch.randn(5, 3, 4)

# zh: 最后两维做矩阵乘法，前面的维度按广播规则处理：a 被当作 (1, 2, 3)
# en: the last two dims multiply as matrices; the rest broadcast: a acts as (1, 2, 3)
c = a @ b
print("(2, 3) @ (5, 3, 4) ->", tuple(c.shape))

# zh: 等价于对 5 个矩阵逐个相乘
# en: the same as multiplying the 5 matrices one by one
by_loop = torch.stack([a @ b[i] for i in range(5)])
print("matches a loop:", torch.allclose(c, by_loop))

# zh: bmm 只接受两个形状为 (B, n, m) 和 (B, m, p) 的三维张量，不做广播
# en: bmm takes only 3-D tensors (B, n, m) and (B, m, p), with no broadcasting
c_bmm = torch.bmm(a.expand(5, 2, 3), b)
print("bmm matches:", torch.allclose(c, c_bmm))

# zh: mm 只接受二维矩阵
# en: mm accepts 2-D matrices only
try:
    torch.mm(a, b)
except RuntimeError as err:
    print("RuntimeError:", err)
