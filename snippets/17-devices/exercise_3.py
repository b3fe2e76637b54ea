# snippet: output=varies
import time

import torch

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"


def best_seconds(fn, repeats=10, rounds=3):
    fn()
    best = float("inf")
    for _ in range(rounds):
        if device != "cpu":
            torch.accelerator.synchronize()
        start = time.perf_counter()
        for _ in range(repeats):
            fn()
        if device != "cpu":
            torch.accelerator.synchronize()
        best = min(best, (time.perf_counter() - start) / repeats)
    return best


n = 1024
a = torch.randn(n, n, device=device)
b = torch.randn(n, n, device=device)

# zh: 加法：n² 次运算；矩阵乘法：约 2n³ 次运算
# en: addition: n² operations; matrix product: about 2n³
add_gflops = n**2 / best_seconds(lambda: a + b) / 1e9
matmul_gflops = 2 * n**3 / best_seconds(lambda: a @ b) / 1e9
print(f"a + b: {add_gflops:.1f} GFLOP/s")
print(f"a @ b: {matmul_gflops:.1f} GFLOP/s")
print(f"a @ b is {matmul_gflops / add_gflops:.0f}× faster per operation")
