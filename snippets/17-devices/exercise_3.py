# snippet: output=varies
import time

import torch

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"


def average_seconds(fn, repeats=10):
    fn()
    if device != "cpu":
        torch.accelerator.synchronize()
    start = time.perf_counter()
    for _ in range(repeats):
        fn()
    if device != "cpu":
        torch.accelerator.synchronize()
    return (time.perf_counter() - start) / repeats


n = 1024
a = torch.randn(n, n, device=device)
b = torch.randn(n, n, device=device)

# zh: 加法：n² 次运算；矩阵乘法：约 2n³ 次运算
# en: addition: n² operations; matrix product: about 2n³
add_s = average_seconds(lambda: a + b)
matmul_s = average_seconds(lambda: a @ b)
print(f"a + b: {add_s * 1e3:.3f} ms, {n**2 / add_s / 1e9:.1f} GFLOP/s")
print(f"a @ b: {matmul_s * 1e3:.3f} ms, {2 * n**3 / matmul_s / 1e9:.1f} GFLOP/s")
