# snippet: output=device
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
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


def shifted(images, d):
    # zh: 四周补 2 圈 0，再裁出 8×8：整张图向右、左、下、上各平移 d 个像素
    # en: pad 2 rings of zeros, then crop 8×8: the whole image moved d pixels right, left, down and up
    padded = F.pad(images, (2, 2, 2, 2))
    return [padded[..., 2 - dy:10 - dy, 2 - dx:10 - dx] for dx, dy in [(d, 0), (-d, 0), (0, d), (0, -d)]]


cnn = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(128, 10))
mlp = nn.Sequential(nn.Flatten(), nn.Linear(64, 88), nn.ReLU(), nn.Linear(88, 10))
fig, ax = plt.subplots(figsize=(6, 4))
accs = {}
for name, model in [("CNN", cnn.to(device)), ("MLP", mlp.to(device))]:
    # zh: 两个模型的数据顺序、优化器、学习率和轮数都相同
    # en: both models get the same data order, optimizer, learning rate and number of epochs
    loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    for epoch in range(15):
        for xb, yb in loader:
            loss = F.cross_entropy(model(xb.to(device)), yb.to(device))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        accs[name] = [sum((model(images.to(device)).argmax(1).cpu() == y_val).float().mean().item()
                          for images in shifted(X_val, d)) / 4 for d in (0, 1, 2)]
    n_params = sum(p.numel() for p in model.parameters())
    print(f"{name} ({n_params} parameters) val acc at shift 0 / 1 / 2 pixels:", [round(a, 3) for a in accs[name]])
    ax.plot([0, 1, 2], accs[name], marker="o", label=f"{name} ({n_params} parameters)")
gaps = [round(c - m, 2) for c, m in zip(accs["CNN"], accs["MLP"])]
print("CNN - MLP at shift 0 / 1 / 2:", gaps, "| CNN ahead when shifted:", gaps[1] > 0.1 and gaps[2] > 0)
ax.set(title="Validation accuracy on shifted digits", xlabel="shift (pixels)", ylabel="accuracy", xticks=[0, 1, 2])
ax.legend()
plt.show()
