import warnings

import torch

x = torch.tensor(5.0)
w = torch.tensor(2.0, requires_grad=True)
z = x * w

# zh: 用户直接创建的张量是叶子；由需要梯度的运算得到的不是
# en: tensors you create yourself are leaves; results of tracked operations are not
print("x.is_leaf:", x.is_leaf, " w.is_leaf:", w.is_leaf, " z.is_leaf:", z.is_leaf)

z.backward()
print("w.grad:", w.grad)

# zh: 非叶子张量默认不保存 .grad，读取它只会得到 None 和一条警告
# en: non-leaf tensors do not keep .grad by default; reading it gives None and a warning
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print("z.grad:", z.grad)
print("UserWarning:", str(caught[0].message).split(" (Triggered")[0])

# zh: 需要中间结果的梯度时，在 backward() 之前调用 retain_grad()
# en: if you need an intermediate gradient, call retain_grad() before backward()
z = x * w
z.retain_grad()
(z**2).backward()
print("z.grad with retain_grad():", z.grad)
