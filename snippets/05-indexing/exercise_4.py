import torch

cases = {
    "x[1:3]": lambda x: x[1:3],
    "x[:, 0]": lambda x: x[:, 0],
    "x[..., 1]": lambda x: x[..., 1],
    "x[[1, 2]]": lambda x: x[[1, 2]],
    "x[x == 0]": lambda x: x[x == 0],
}
changed = []
for name, take in cases.items():
    x = torch.zeros(4, 3)
    # zh: 往取出的部分写 1，再看 x 有没有跟着变
    # en: write ones into the part you took, then check whether x changed
    take(x).fill_(1.0)
    changed.append(bool(x.any()))
    print(f"{name:10} x changed (view): {changed[-1]}")

assert changed == [True, True, True, False, False]
