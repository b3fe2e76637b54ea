# snippet: output=varies
# snippet: timeout=120
import time

import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10)).to(device)
compiled = torch.compile(model)
x = torch.randn(256, 64, device=device)
y = torch.randint(0, 10, (256,), device=device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)


def train_step(net):
    loss = nn.functional.cross_entropy(net(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def ms_per_step(net, steps=100):
    # zh: 先跑几步热身（不计时）；GPU 上的运算是异步的，计时前后都要同步
    # en: a few warm-up steps first (not timed); GPU work is asynchronous, so synchronise before and after timing
    for _ in range(3):
        train_step(net)
    if device != "cpu":
        torch.accelerator.synchronize()
    start = time.perf_counter()
    for _ in range(steps):
        train_step(net)
    if device != "cpu":
        torch.accelerator.synchronize()
    return (time.perf_counter() - start) / steps * 1000


# zh: 第一次调用 compiled 时才真正编译，单独计时
# en: compilation happens on the first call of compiled; time it on its own
start = time.perf_counter()
train_step(compiled)
print(f"compile (first call): {time.perf_counter() - start:.1f} s")
# zh: 不放进 torch.no_grad()：梯度模式一变，compiled 就要重新编译
# en: not under torch.no_grad(): a change of grad mode would make compiled compile again
print("same outputs:", torch.allclose(model(x), compiled(x), atol=1e-5))
eager_ms, compiled_ms = ms_per_step(model), ms_per_step(compiled)
print(f"eager:    {eager_ms:.2f} ms per step")
print(f"compiled: {compiled_ms:.2f} ms per step (eager / compiled = {eager_ms / compiled_ms:.2f})")
