# snippet: output=varies
# snippet: timeout=120
import copy
import time

import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10)).to(device)
twin = copy.deepcopy(model)
x = torch.randn(256, 64, device=device)
y = torch.randint(0, 10, (256,), device=device)


# zh: 整个训练步骤：前向传播、损失、反向传播和参数更新
# en: the whole training step: forward pass, loss, backward pass and update
def train_step(net, optimizer):
    loss = nn.functional.cross_entropy(net(x), y)
    loss.backward()
    optimizer.step()
    return loss


compiled_step = torch.compile(train_step)
optimizers = {"eager": torch.optim.SGD(model.parameters(), lr=0.01),
              "compiled": torch.optim.SGD(twin.parameters(), lr=0.01)}


def ms_per_step(step, net, optimizer, steps=100):
    # zh: 先跑几步热身（不计时）；GPU 上的运算是异步的，计时前后都要同步
    # en: a few warm-up steps first (not timed); GPU work is asynchronous, so synchronise before and after timing
    for _ in range(3):
        optimizer.zero_grad()
        step(net, optimizer)
    if device != "cpu":
        torch.accelerator.synchronize()
    start = time.perf_counter()
    for _ in range(steps):
        optimizer.zero_grad()
        step(net, optimizer)
    if device != "cpu":
        torch.accelerator.synchronize()
    return (time.perf_counter() - start) / steps * 1000


# zh: 第一次调用 compiled_step 时才真正编译，单独计时；twin 是 model 的副本，两边从相同的参数出发
# en: compilation happens on the first call of compiled_step; time it on its own. twin copies model: same start
start = time.perf_counter()
compiled_loss = compiled_step(twin, optimizers["compiled"])
print(f"compile (first call): {time.perf_counter() - start:.1f} s")
eager_loss = train_step(model, optimizers["eager"])
same = all(torch.allclose(a, b, atol=1e-5) for a, b in zip(model.parameters(), twin.parameters(), strict=True))
print("same loss and parameters after one step:", torch.allclose(eager_loss, compiled_loss) and same)
eager_ms = ms_per_step(train_step, model, optimizers["eager"])
compiled_ms = ms_per_step(compiled_step, twin, optimizers["compiled"])
print(f"eager:    {eager_ms:.2f} ms per step")
print(f"compiled: {compiled_ms:.2f} ms per step (eager / compiled = {eager_ms / compiled_ms:.2f})")
