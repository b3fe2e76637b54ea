# snippet: output=device
import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
digits = load_digits()
X = torch.tensor(digits.images, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
X_train, X_val, y_train, y_val = train_test_split(X, y, train_size=200, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = X_train.to(device), X_val.to(device), y_train.to(device), y_val.to(device)


def random_shift(images, max_shift=1):
    n = len(images)
    padded = nn.functional.pad(images, (max_shift,) * 4)
    dy = torch.randint(0, 2 * max_shift + 1, (n, 1, 1), device=images.device)
    dx = torch.randint(0, 2 * max_shift + 1, (n, 1, 1), device=images.device)
    rows = dy + torch.arange(8, device=images.device).reshape(1, 8, 1)
    cols = dx + torch.arange(8, device=images.device).reshape(1, 1, 8)
    return padded[torch.arange(n, device=images.device).reshape(n, 1, 1), rows, cols]


def train(weight_decay=0.0, p=0.0, augment=False, epochs=150):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Flatten(), nn.Linear(64, 256), nn.ReLU(), nn.Dropout(p),
                          nn.Linear(256, 256), nn.ReLU(), nn.Dropout(p), nn.Linear(256, 10)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=weight_decay)
    # zh: 每种做法看到的批量顺序完全相同
    # en: every remedy sees the batches in the same order
    order = torch.Generator().manual_seed(0)
    val_losses = []
    for epoch in range(epochs):
        model.train()
        for idx in torch.randperm(len(X_train), generator=order).split(50):
            xb = random_shift(X_train[idx]) if augment else X_train[idx]
            loss = nn.functional.cross_entropy(model(xb), y_train[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        if epoch % 5 == 4:
            model.eval()
            with torch.no_grad():
                logits = model(X_val)
            val_losses.append(nn.functional.cross_entropy(logits, y_val).item())
    val_acc = (logits.argmax(1) == y_val).float().mean().item()
    return val_losses, val_acc


remedies = {"none": {}, "weight decay": {"weight_decay": 1.0}, "dropout": {"p": 0.7}, "augmentation": {"augment": True}}
fig, ax = plt.subplots(figsize=(6, 4))
final, lowest = {}, {}
for name, options in remedies.items():
    val_losses, val_acc = train(**options)
    final[name], lowest[name] = (val_losses[-1], val_acc), min(val_losses)
    print(f"{name:<13} final val loss {val_losses[-1]:.3f}  min {min(val_losses):.3f}  final val acc {val_acc:.3f}")
    ax.plot(range(5, 151, 5), val_losses, label=name)
ax.set(title="Validation loss with and without regularisation", xlabel="epoch", ylabel="validation loss",
       ylim=(0, 0.8))
ax.legend()
plt.show()

loss_none, acc_none = final["none"]
print("none: final val loss above its minimum:", loss_none > lowest["none"])
print("lower final val loss than none:", [name for name in remedies if final[name][0] < loss_none])
print("final val acc within 0.03 of none:", all(abs(acc - acc_none) < 0.03 for _, acc in final.values()))
assert all(acc > 0.9 for _, acc in final.values()), final
