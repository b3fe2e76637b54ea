import torch

w = torch.tensor(2.0, requires_grad=True)

y = w * 3
print("normal:       y.requires_grad =", y.requires_grad, " grad_fn =", y.grad_fn.name())

# zh: no_grad() 里的运算不建图，结果不需要梯度
# en: operations inside no_grad() build no graph; results do not require grad
with torch.no_grad():
    y = w * 3
print("no_grad:      y.requires_grad =", y.requires_grad, " grad_fn =", y.grad_fn)

# zh: 离开 with 块后自动恢复
# en: tracking comes back as soon as you leave the block
y = w * 3
print("after block:  y.requires_grad =", y.requires_grad)


# zh: 也可以当装饰器用
# en: it also works as a decorator
@torch.no_grad()
def predict(x):
    return x * w


print("decorated:    predict(4).requires_grad =", predict(torch.tensor(4.0)).requires_grad)
