import torch


def shrink(x):
    steps = 0
    while x.norm() > 1:
        # zh: 即时执行下，循环里的中间值随时可以打印
        # en: in eager mode you can print intermediate values inside the loop
        print(f"step {steps}: norm = {x.norm().item():.4f}")
        x = x / 2
        steps += 1
    return x, steps


x = torch.tensor([6.0, 8.0], requires_grad=True)
y, steps = shrink(x)
y.sum().backward()
print("steps:", steps)
print("x.grad:", x.grad)
assert torch.equal(x.grad, torch.full((2,), 0.5**steps))
