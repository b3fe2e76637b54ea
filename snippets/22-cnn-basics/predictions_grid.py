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

# zh: 和上一段代码相同的 CNN、相同的训练过程
# en: the same CNN and the same training as in the previous snippet
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

model.eval()
with torch.no_grad():
    pred = model(X_test.to(device)).argmax(1).cpu()
wrong = (pred != y_test).nonzero().flatten()
print(f"misclassified: {len(wrong)} of {len(y_test)}")
print("true -> predicted:", [f"{y_test[i]}->{pred[i]}" for i in wrong.tolist()])

# zh: 先放全部分错的样本，再用分对的样本补满 32 格
# en: all the mistakes first, then correct ones to fill the 32 cells
right = (pred == y_test).nonzero().flatten()
shown = torch.cat([wrong, right])[:32]
fig, axes = plt.subplots(4, 8, figsize=(8, 4.8))
for ax, i in zip(axes.flat, shown.tolist()):
    ax.imshow(X_test[i, 0].numpy(), cmap="gray_r")
    ok = pred[i] == y_test[i]
    title = f"{pred[i]}" if ok else f"{pred[i]} (true {y_test[i]})"
    ax.set_title(title, color="black" if ok else "red", fontsize=9)
    ax.axis("off")
fig.suptitle("CNN predictions on test digits (red = wrong)")
plt.tight_layout()
plt.show()
