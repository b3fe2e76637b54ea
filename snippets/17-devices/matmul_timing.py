# snippet: output=varies
import time

import matplotlib.pyplot as plt
import torch

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"


def synchronize(on):
    # zh: 加速器上的运算是异步的：等它真正算完再读时钟
    # en: accelerator work is asynchronous: wait until it has really finished before reading the clock
    if on != "cpu":
        torch.accelerator.synchronize()


def time_matmul(n, on, repeats=10, rounds=3):
    a, b = torch.randn(n, n, device=on), torch.randn(n, n, device=on)
    # zh: 预热：第一次调用包含一次性的初始化开销，不计时
    # en: warm-up: the first call pays one-off setup costs, so it is not timed
    a @ b
    best = float("inf")
    for _ in range(rounds):
        synchronize(on)
        start = time.perf_counter()
        for _ in range(repeats):
            a @ b
        synchronize(on)
        best = min(best, (time.perf_counter() - start) / repeats)
    return best


# zh: CPU 上的速度还取决于 PyTorch 用了几个线程
# en: on the CPU, speed also depends on how many threads PyTorch uses
print("torch threads:", torch.get_num_threads())
sizes = [64, 128, 256, 512, 1024]
plt.figure(figsize=(6, 4))
for on in ["cpu"] if device == "cpu" else ["cpu", device]:
    # zh: n×n 矩阵乘法约需 2n³ 次浮点运算
    # en: an n×n matrix product takes about 2n³ floating-point operations
    gflops = [2 * n**3 / time_matmul(n, on) / 1e9 for n in sizes]
    plt.plot(sizes, gflops, marker="o", label=on)
    for n, g in zip(sizes, gflops):
        print(f"{on:>4}, n = {n:4d}: {g:8.1f} GFLOP/s")

plt.xscale("log", base=2)
plt.xticks(sizes, [str(n) for n in sizes])
plt.yscale("log")
plt.title("Matrix multiplication speed (float32)")
plt.xlabel("matrix size n (n×n @ n×n)")
plt.ylabel("GFLOP/s")
plt.legend()
plt.show()
