# snippet: output=device
import tempfile
from pathlib import Path

import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

digits = load_digits()
dataset = TensorDataset(torch.tensor(digits.data, dtype=torch.float32) / 16, torch.tensor(digits.target))


def setup(seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 10))
    generator = torch.Generator().manual_seed(seed)
    loader = DataLoader(dataset, batch_size=64, shuffle=True, generator=generator)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=4 * len(loader))
    # zh: 和 train() 在 CUDA 上一样用 float16 加 GradScaler，这里放在 CPU 上，好让 scaler 有状态可存
    # en: float16 with GradScaler as train() uses on CUDA, here on the CPU so that the scaler has a state to save
    scaler = torch.amp.GradScaler("cpu")
    return model, optimizer, scheduler, scaler, loader, generator


def train_epoch(model, optimizer, scheduler, scaler, loader):
    for xb, yb in loader:
        with torch.autocast(device_type="cpu", dtype=torch.float16):
            loss = nn.functional.cross_entropy(model(xb), yb)
        optimizer.zero_grad()
        scaler.scale(loss).backward()
        scale = scaler.get_scale()
        scaler.step(optimizer)
        scaler.update()
        if scaler.get_scale() >= scale:
            scheduler.step()


# zh: 一口气训练 4 轮
# en: 4 epochs in one go
model, optimizer, scheduler, scaler, loader, generator = setup(seed=0)
for _ in range(4):
    train_epoch(model, optimizer, scheduler, scaler, loader)
uninterrupted = [p.detach().clone() for p in model.parameters()]

with tempfile.TemporaryDirectory() as tmp:
    path = Path(tmp) / "checkpoint.pt"
    # zh: 训练 2 轮后保存检查点：模型、优化器、调度器、GradScaler 和所有随机数生成器的状态
    # en: after 2 epochs, save a checkpoint: model, optimizer, scheduler, GradScaler and every random number generator
    model, optimizer, scheduler, scaler, loader, generator = setup(seed=0)
    for _ in range(2):
        train_epoch(model, optimizer, scheduler, scaler, loader)
    checkpoint = {"epoch": 2, "model": model.state_dict(), "optimizer": optimizer.state_dict(),
                  "scheduler": scheduler.state_dict(), "scaler": scaler.state_dict(),
                  "torch_rng": torch.get_rng_state(), "loader_rng": generator.get_state()}
    if torch.cuda.is_available():
        checkpoint["cuda_rng"] = torch.cuda.get_rng_state_all()
    torch.save(checkpoint, path)

    # zh: 模拟程序重启：用另一个种子新建一切，再从文件恢复
    # en: simulate a restart: build everything afresh with another seed, then restore from the file
    model, optimizer, scheduler, scaler, loader, generator = setup(seed=123)
    checkpoint = torch.load(path, map_location="cpu", weights_only=True)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    scheduler.load_state_dict(checkpoint["scheduler"])
    scaler.load_state_dict(checkpoint["scaler"])
    torch.set_rng_state(checkpoint["torch_rng"])
    generator.set_state(checkpoint["loader_rng"])
    if "cuda_rng" in checkpoint and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(checkpoint["cuda_rng"])
    print("checkpoint:", sorted(checkpoint), f"| {path.stat().st_size / 1024:.0f} KiB")
    print("scaler:", checkpoint["scaler"])
    for _ in range(checkpoint["epoch"], 4):
        train_epoch(model, optimizer, scheduler, scaler, loader)

same = all(torch.equal(a, b) for a, b in zip(uninterrupted, model.parameters(), strict=True))
print("resumed == uninterrupted (bitwise):", same)
assert same
