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
    a = torch.randn(n, n, device=on)
    b = torch.randn(n, n, device=on)
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


sizes = [64, 128, 256, 512, 1024]
devices = ["cpu"] if device == "cpu" else ["cpu", device]
plt.figure(figsize=(6, 4))
for on in devices:
    seconds = [time_matmul(n, on) for n in sizes]
    # zh: n×n 矩阵乘法约需 2n³ 次浮点运算
    # en: an n×n matrix product takes about 2n³ floating-point operations
    gflops = [2 * n**3 / s / 1e9 for n, s in zip(sizes, seconds)]
    plt.plot(sizes, gflops, marker="o", label=on)
    if on == device:
        for n, s, g in zip(sizes, seconds, gflops):
            print(f"n = {n:4d}: {s * 1e3:8.3f} ms, {g:8.1f} GFLOP/s")

plt.xscale("log", base=2)
plt.xticks(sizes, [str(n) for n in sizes])
if len(devices) > 1:
    # zh: 加速器可能快几十上百倍，用对数纵轴才能同时看清两条线
    # en: an accelerator can be 10-100× faster; a log axis keeps both lines readable
    plt.yscale("log")
plt.title("Matrix multiplication speed (float32)")
plt.xlabel("matrix size n (n×n @ n×n)")
plt.ylabel("GFLOP/s")
plt.legend()
plt.show()
