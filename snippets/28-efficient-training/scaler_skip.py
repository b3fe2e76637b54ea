import warnings

import torch
from torch import nn

x, y = torch.randn(64, 64, generator=torch.Generator().manual_seed(0)) * 4, torch.arange(64) % 10


def run(check_skipped):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
    # zh: 和 CUDA 上一样用 float16 加 GradScaler，只是放在 CPU 上演示
    # en: float16 with GradScaler as on CUDA, demonstrated on the CPU
    scaler = torch.amp.GradScaler("cpu")
    for step in range(8):
        with torch.autocast(device_type="cpu", dtype=torch.float16):
            # zh: 求和的损失让梯度很大，乘上 scale 之后在 float16 里溢出
            # en: a summed loss makes the gradients large; times the scale they overflow float16
            loss = nn.functional.cross_entropy(model(x), y, reduction="sum")
        optimizer.zero_grad()
        scaler.scale(loss).backward()
        scale, lr = scaler.get_scale(), optimizer.param_groups[0]["lr"]
        scaler.step(optimizer)
        scaler.update()
        skipped = scaler.get_scale() < scale
        if check_skipped:
            print(f"step {step}: scale {scale:>6.0f} | lr {lr:.2e} | optimizer step skipped: {skipped}")
        # zh: 跳过了 optimizer.step() 的那一步，学习率也不前进
        # en: when optimizer.step() was skipped, the schedule does not move either
        if check_skipped and skipped:
            continue
        scheduler.step()


run(check_skipped=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    run(check_skipped=False)
first_sentence = str(caught[0].message).split(". ")[0]
print(f"without the check, {len(caught)} warning: {caught[0].category.__name__}: {first_sentence}")
