# snippet: output=device
import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR
from torch.utils.data import DataLoader, TensorDataset


def train(model, loader, epochs, device, peak_lr=3e-3, warmup_steps=50, max_norm=1.0):
    optimizer = torch.optim.AdamW(model.parameters(), lr=peak_lr)
    total_steps = epochs * len(loader)
    scheduler = SequentialLR(optimizer, [LinearLR(optimizer, start_factor=0.01, total_iters=warmup_steps),
                                         CosineAnnealingLR(optimizer, T_max=total_steps - warmup_steps)],
                             milestones=[warmup_steps])
    # zh: CUDA：float16 加 GradScaler；其他设备：bfloat16，不需要 GradScaler（enabled=False 时它什么也不做）
    # en: CUDA: float16 with GradScaler; elsewhere: bfloat16 without one (with enabled=False it does nothing)
    amp_dtype = torch.float16 if device == "cuda" else torch.bfloat16
    scaler = torch.amp.GradScaler("cuda", enabled=device == "cuda")
    history = {"loss": [], "lr": [], "grad_norm": []}
    model.train()
    for _ in range(epochs):
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            with torch.autocast(device_type=device, dtype=amp_dtype):
                loss = nn.functional.cross_entropy(model(xb), yb)
            optimizer.zero_grad()
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            grad_norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm)
            history["lr"].append(optimizer.param_groups[0]["lr"])
            scale = scaler.get_scale()
            scaler.step(optimizer)
            scaler.update()
            # zh: 梯度溢出时 GradScaler 跳过这一步并调小 scale；这时学习率也不前进
            # en: on overflowing gradients GradScaler skips the step and lowers the scale; the schedule waits too
            if scaler.get_scale() >= scale:
                scheduler.step()
            history["loss"].append(loss.item())
            history["grad_norm"].append(grad_norm.item())
    return history


torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16
X_train, X_test, y_train, y_test = train_test_split(X, torch.tensor(digits.target), test_size=0.2,
                                                    stratify=digits.target, random_state=0)
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                    generator=torch.Generator().manual_seed(0))
model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10)).to(device)
history = train(model, loader, epochs=10, device=device)

model.eval()
with torch.no_grad():
    test_acc = (model(X_test.to(device)).argmax(1).cpu() == y_test).float().mean().item()
n_clipped = sum(n > 1.0 for n in history["grad_norm"])
print(f"steps: {len(history['loss'])} | clipped: {n_clipped} | test acc: {test_acc:.3f}")
assert test_acc > 0.9, test_acc
fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
ax.plot(history["loss"], color="tab:blue", label="training loss")
ax.set(title="train(): loss and learning rate per step", xlabel="step (mini-batch)", ylabel="cross-entropy loss")
# zh: 学习率用右侧的纵轴
# en: the learning rate uses the right-hand axis
lr_ax = ax.twinx()
lr_ax.plot(history["lr"], color="tab:orange", label="learning rate")
lr_ax.set_ylabel("learning rate")
fig.legend(loc="upper right", bbox_to_anchor=(1, 1), bbox_transform=ax.transAxes)
plt.show()
