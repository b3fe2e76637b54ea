import torch

torch.set_printoptions(precision=4, sci_mode=False)
z = torch.tensor([-10.0, -2.0, 0.0, 2.0, 10.0])

# zh: sigmoid 的定义：σ(z) = 1 / (1 + e^(-z))
# en: the definition of sigmoid: σ(z) = 1 / (1 + e^(-z))
by_formula = 1 / (1 + torch.exp(-z))
p = torch.sigmoid(z)
print("z:             ", z)
print("by formula:    ", by_formula)
print("torch.sigmoid: ", p)
torch.testing.assert_close(p, by_formula)

# zh: 对称性：σ(-z) = 1 - σ(z)
# en: symmetry: σ(-z) = 1 - σ(z)
print("sigmoid(-z):   ", torch.sigmoid(-z))
print("1 - sigmoid(z):", 1 - p)

# zh: 反过来，logit 把概率变回 z：log(p / (1 - p))
# en: the other way, logit turns a probability back into z: log(p / (1 - p))
print("logit(p):      ", torch.logit(p[1:4]), "for z =", z[1:4])

# zh: 导数 σ'(z) = σ(z)(1 - σ(z))，用自动微分核对
# en: the derivative σ'(z) = σ(z)(1 - σ(z)), checked with autograd
z.requires_grad_(True)
(grad,) = torch.autograd.grad(torch.sigmoid(z).sum(), z)
print("autograd:      ", grad)
print("p * (1 - p):   ", p * (1 - p))
torch.testing.assert_close(grad, p * (1 - p))

# zh: 恢复默认的打印格式：笔记本的所有单元格共用一个内核，不恢复的话，后面单元格的输出也会跟着变
# en: restore the default print format: notebook cells share one kernel, so later outputs would change too
torch.set_printoptions(profile="default")
