# snippet: output=device
import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: 故意只拿 200 张图训练，其余 1597 张都做验证集
# en: deliberately train on only 200 images; the other 1597 are the validation set
digits = load_digits()
X = torch.tensor(digits.images, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
X_train, X_val, y_train, y_val = train_test_split(X, y, train_size=200, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = X_train.to(device), X_val.to(device), y_train.to(device), y_val.to(device)

# zh: 约 8.5 万个参数，对 200 张图来说绰绰有余
# en: about 85 thousand parameters, far more than 200 images need
model = nn.Sequential(nn.Flatten(), nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(),
                      nn.Linear(256, 10)).to(device)
print("parameters:", sum(p.numel() for p in model.parameters()))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
train_losses, val_losses = [], []
for _ in range(150):
    model.train()
    for idx in torch.randperm(len(X_train)).split(32):
        loss = nn.functional.cross_entropy(model(X_train[idx]), y_train[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        train_losses.append(nn.functional.cross_entropy(model(X_train), y_train).item())
        val_logits = model(X_val)
        val_losses.append(nn.functional.cross_entropy(val_logits, y_val).item())

with torch.no_grad():
    train_acc = (model(X_train).argmax(1) == y_train).float().mean().item()
val_acc = (val_logits.argmax(1) == y_val).float().mean().item()
best = min(range(150), key=val_losses.__getitem__)
print(f"train acc {train_acc:.3f}, val acc {val_acc:.3f}")
print(f"lowest val loss {val_losses[best]:.3f} at epoch {best + 1}, final val loss {val_losses[-1]:.3f}")
print("train acc is 100%:", train_acc == 1.0)
print("final val loss > 1.2 x its minimum:", val_losses[-1] > 1.2 * val_losses[best])
assert val_acc > 0.9, val_acc

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(range(1, 151), train_losses, label="train")
ax.plot(range(1, 151), val_losses, label="validation")
ax.axvline(best + 1, color="gray", linestyle="--", label="lowest val loss")
ax.set(title="Overfitting: 200 training images, an 85k-parameter MLP", xlabel="epoch",
       ylabel="cross-entropy loss", ylim=(0, 0.8))
ax.legend()
plt.show()
