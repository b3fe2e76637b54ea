import torch


def shrink(x):
    # zh: 循环次数取决于 x 的值，普通的 Python while 循环即可
    # en: the number of loop turns depends on the values in x: a plain Python while loop
    steps = 0
    while x.norm() > 1:
        x = x / 2
        steps += 1
    return x, steps


for values in ([0.3, 0.4], [3.0, 4.0], [30.0, 40.0]):
    x = torch.tensor(values, requires_grad=True)
    y, steps = shrink(x)
    y.sum().backward()
    # zh: 每次调用记录的计算图都不同，梯度跟着实际执行的步数走
    # en: each call records a different graph; the gradient follows the steps that actually ran
    print(f"x={values}  steps={steps}  x.grad={x.grad}")
