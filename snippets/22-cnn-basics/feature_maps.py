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

model = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(128, 10)).to(device)
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                    generator=torch.Generator().manual_seed(0))
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(15):
    model.train()
    for xb, yb in loader:
        loss = loss_fn(model(xb.to(device)), yb.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

# zh: 第一层的 16 个卷积核，以及一张测试图像经过第一层卷积和 ReLU 之后的 16 张特征图
# en: the 16 first-layer kernels, and the 16 feature maps one test image gives after conv1 + ReLU
model.eval()
kernels = model[0].weight.detach().cpu()[:, 0]
with torch.no_grad():
    maps = model[1](model[0](X_test[:1].to(device))).cpu()[0]
print("kernels:", tuple(kernels.shape), "| feature maps:", tuple(maps.shape), "| label:", y_test[0].item())
print("maps that are zero everywhere:", (maps.amax(dim=(1, 2)) == 0).sum().item())

limit = kernels.abs().max().item()
fig, axes = plt.subplots(3, 16, figsize=(10, 2.4))
axes[0, 0].imshow(X_test[0, 0].numpy(), cmap="gray_r")
for i in range(16):
    axes[1, i].imshow(kernels[i].numpy(), cmap="coolwarm", vmin=-limit, vmax=limit)
    axes[2, i].imshow(maps[i].numpy(), cmap="viridis")
for ax in axes.flat:
    ax.set_xticks([])
    ax.set_yticks([])
for ax in axes[0, 1:]:
    ax.axis("off")
for ax, label in zip(axes[:, 0], ["input", "kernel", "map"]):
    ax.set_ylabel(label, fontsize=8)
fig.suptitle("First convolution layer: kernels and feature maps")
plt.show()
