# snippet: timeout=120
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


class Inception(nn.Module):
    def __init__(self, c_in, c1, c3, c5, cp):
        super().__init__()
        self.branch1 = nn.Conv2d(c_in, c1, 1)
        self.branch3 = nn.Sequential(nn.Conv2d(c_in, c3 // 2, 1), nn.ReLU(), nn.Conv2d(c3 // 2, c3, 3, padding=1))
        self.branch5 = nn.Sequential(nn.Conv2d(c_in, c5 // 2, 1), nn.ReLU(), nn.Conv2d(c5 // 2, c5, 5, padding=2))
        self.branch_pool = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1), nn.Conv2d(c_in, cp, 1))

    def forward(self, x):
        return torch.relu(torch.cat([self.branch1(x), self.branch3(x), self.branch5(x), self.branch_pool(x)], 1))


class Residual(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv1 = nn.Conv2d(c_in, c_out, 3, padding=1)
        self.conv2 = nn.Conv2d(c_out, c_out, 3, padding=1)
        self.shortcut = nn.Conv2d(c_in, c_out, 1) if c_in != c_out else nn.Identity()

    def forward(self, x):
        return torch.relu(self.shortcut(x) + self.conv2(torch.relu(self.conv1(x))))


def conv(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.ReLU())


def head():
    return nn.Sequential(nn.MaxPool2d(2), nn.Flatten(), nn.Linear(32 * 2 * 2, 10))


# zh: 三个网络的骨架相同：8×8 -> 池化 -> 4×4 -> 池化 -> 2×2 -> 线性层，只有中间的积木不同
# en: all three share one skeleton: 8×8 -> pool -> 4×4 -> pool -> 2×2 -> linear; only the building blocks differ
models = {
    "plain": nn.Sequential(conv(1, 16), conv(16, 16), nn.MaxPool2d(2), conv(16, 32), conv(32, 32), head()),
    "inception": nn.Sequential(conv(1, 16), Inception(16, 8, 16, 4, 4), nn.MaxPool2d(2),
                               Inception(32, 8, 16, 4, 4), head()),
    "residual": nn.Sequential(conv(1, 16), Residual(16, 16), nn.MaxPool2d(2), Residual(16, 32), head()),
}


def accuracy(model, X, y):
    model.eval()
    with torch.no_grad():
        return (model(X.to(device)).argmax(1).cpu() == y).float().mean().item()


epochs = 10
plt.figure(figsize=(6, 4))
for name, model in models.items():
    model.to(device)
    loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    val_accs = []
    for epoch in range(epochs):
        model.train()
        for xb, yb in loader:
            loss = nn.functional.cross_entropy(model(xb.to(device)), yb.to(device))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        val_accs.append(accuracy(model, X_val, y_val))
    n_params = sum(p.numel() for p in model.parameters())
    test_acc = accuracy(model, X_test, y_test)
    print(f"{name:<10} parameters={n_params:>6}  val acc={val_accs[-1]:.3f}  test acc={test_acc:.3f}")
    assert test_acc > 0.85
    plt.plot(range(1, epochs + 1), val_accs, marker="o", label=f"{name} ({n_params} params)")
plt.title("Validation accuracy on load_digits")
plt.xlabel("epoch")
plt.ylabel("accuracy")
plt.legend()
plt.show()
