# snippet: output=device
import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

digits = load_digits()
X = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
y = torch.tensor(digits.target)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
# zh: 同一批测试图像整体右移 1 像素：左边补一列 0，去掉最右一列
# en: the same test images moved one pixel to the right: pad a zero column on the left, drop the last column
X_test_shifted = nn.functional.pad(X_test, (1, 0))[..., :8]


def accuracy(model, X, y):
    model.eval()
    with torch.no_grad():
        return (model(X.to(device)).argmax(1).cpu() == y).float().mean().item()


def train(model, epochs=15):
    # zh: 两个模型用完全相同的数据顺序、优化器和轮数
    # en: both models get the same data order, optimizer and number of epochs
    loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    loss_fn = nn.CrossEntropyLoss()
    losses, val_accs = [], []
    for epoch in range(epochs):
        model.train()
        total = 0.0
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            loss = loss_fn(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(xb)
        losses.append(total / len(X_train))
        val_accs.append(accuracy(model, X_val, y_val))
    return losses, val_accs


cnn = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Flatten(), nn.Linear(128, 10)).to(device)
mlp = nn.Sequential(nn.Flatten(), nn.Linear(64, 88), nn.ReLU(), nn.Linear(88, 10)).to(device)

fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 4))
for name, model in [("CNN", cnn), ("MLP", mlp)]:
    losses, val_accs = train(model)
    n_params = sum(p.numel() for p in model.parameters())
    test_acc = accuracy(model, X_test, y_test)
    shifted_acc = accuracy(model, X_test_shifted, y_test)
    print(f"{name}: {n_params} parameters, test acc {test_acc:.3f}, test acc shifted {shifted_acc:.3f}")
    ax_loss.plot(range(1, 16), losses, label=name)
    ax_acc.plot(range(1, 16), val_accs, label=name)
    if name == "CNN":
        assert test_acc > 0.9
ax_loss.set(title="Training loss", xlabel="epoch", ylabel="cross-entropy loss")
ax_acc.set(title="Validation accuracy", xlabel="epoch", ylabel="accuracy")
ax_loss.legend()
ax_acc.legend()
plt.tight_layout()
plt.show()
