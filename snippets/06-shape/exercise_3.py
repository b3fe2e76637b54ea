import torch

a = torch.arange(12).reshape(3, 4)
cases = [
    ("a[:, :2]", a[:, :2], (6,)),
    ("a[:, :2]", a[:, :2], (3, 2, 1)),
    ("a[1:]", a[1:], (-1,)),
    ("a.T", a.T, (2, 2, 3)),
    ("a.T", a.T, (3, 4)),
]
results = []
for name, t, shape in cases:
    try:
        t.view(shape)
        results.append("ok")
    except RuntimeError:
        results.append("error")
    print(f"{name}.view{shape}:".ljust(24), f"stride={t.stride()}", results[-1])

assert results == ["error", "ok", "ok", "ok", "error"]
