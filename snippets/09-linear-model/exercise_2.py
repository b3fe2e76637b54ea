import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([5.0, 7.0, 9.0])
w = torch.linspace(0, 4, 41)
b = torch.linspace(0, 6, 61)

best = {}
for indexing in ("ij", "xy"):
    W, B = torch.meshgrid(w, b, indexing=indexing)
    mse = ((W[..., None] * x + B[..., None] - y) ** 2).mean(dim=-1)
    i, j = torch.unravel_index(mse.argmin(), mse.shape)
    # zh: 从 W、B 本身读出参数，就不必关心哪一维是 w
    # en: read the parameters from W and B themselves, so it does not matter which dim is w
    best[indexing] = (round(W[i, j].item(), 2), round(B[i, j].item(), 2))
    print(f"{indexing}: mse.shape = {tuple(mse.shape)}, best (w, b) = {best[indexing]}")
assert best["ij"] == best["xy"] == (2.0, 3.0)
