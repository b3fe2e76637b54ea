import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([5.1, 6.8, 9.2])


def grid_search(w, b):
    W, B = torch.meshgrid(w, b, indexing="ij")
    mse = ((W[..., None] * x + B[..., None] - y) ** 2).mean(dim=-1)
    i, j = torch.unravel_index(mse.argmin(), mse.shape)
    return W[i, j].item(), B[i, j].item(), mse.numel()


# zh: 先粗：间隔 0.5
# en: coarse first: step 0.5
w0, b0, n_coarse = grid_search(torch.linspace(0, 4, 9), torch.linspace(0, 6, 13))
# zh: 再细：在粗结果附近 ±0.5 的范围里，间隔 0.01
# en: then fine: step 0.01 within ±0.5 of the coarse answer
w1, b1, n_fine = grid_search(torch.linspace(w0 - 0.5, w0 + 0.5, 101), torch.linspace(b0 - 0.5, b0 + 0.5, 101))
print(f"coarse: w = {w0:.2f}, b = {b0:.2f}   fine: w = {w1:.2f}, b = {b1:.2f}")
print(f"evaluations: {n_coarse + n_fine} (one fine grid over the whole range: {401 * 601})")

# zh: 与最小二乘的精确解比较
# en: compare with the exact least-squares solution
A = torch.stack([x, torch.ones_like(x)], dim=1)
w_exact, b_exact = torch.linalg.lstsq(A, y[:, None]).solution.squeeze().tolist()
print(f"least squares: w = {w_exact:.4f}, b = {b_exact:.4f}")
assert abs(w1 - w_exact) < 0.01 and abs(b1 - b_exact) < 0.01
