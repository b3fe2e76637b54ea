import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: 数据、模型和训练与上一段代码相同
# en: the same data, model and training as the previous snippet
digits = load_digits()
X = torch.tensor(digits.images, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=64, shuffle=True,
                    generator=torch.Generator().manual_seed(0))
model = nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                      nn.Linear(64, 10)).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(30):
    for xb, yb in loader:
        loss = nn.functional.cross_entropy(model(xb.to(device)), yb.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

with torch.no_grad():
    pred = model(X_test.to(device)).argmax(dim=1).cpu()
wrong = (pred != y_test).nonzero().flatten()
print("misclassified test digits:", len(wrong), "of", len(y_test))

# zh: 上两行：测试集的前 16 张；下两行：前 16 张分错的，红色标题
# en: top two rows: the first 16 test digits; bottom two rows: the first 16 mistakes, in red
shown = torch.cat([torch.arange(16), wrong[:16]])
fig, axes = plt.subplots(4, 8, figsize=(8, 6), layout="constrained")
for ax in axes.flat:
    ax.axis("off")
for ax, i in zip(axes.flat, shown.tolist()):
    ax.imshow(X_test[i].numpy(), cmap="gray_r")
    ok = pred[i] == y_test[i]
    title = f"pred {pred[i]}" if ok else f"pred {pred[i]}\ntrue {y_test[i]}"
    ax.set_title(title, fontsize=8, color="black" if ok else "tab:red")
fig.suptitle("Test digits (top) and misclassified digits (bottom, red)")
plt.show()
