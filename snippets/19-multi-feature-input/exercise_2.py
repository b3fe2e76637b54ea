import torch
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# zh: 数据、模型和训练与正文相同
# en: the same data, model and training as in the chapter
torch.manual_seed(0)
X, y = load_breast_cancer(return_X_y=True)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
X_train, X_val, X_test = (torch.tensor(part, dtype=torch.float32) for part in (X_train, X_val, X_test))
y_train, y_val, y_test = (torch.tensor(part, dtype=torch.float32).reshape(-1, 1) for part in (y_train, y_val, y_test))
mean, std = X_train.mean(dim=0), X_train.std(dim=0)
X_train, X_val, X_test = (X_train - mean) / std, (X_val - mean) / std, (X_test - mean) / std
loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                    generator=torch.Generator().manual_seed(0))
model = nn.Sequential(nn.Linear(30, 16), nn.ReLU(), nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(50):
    for xb, yb in loader:
        loss = nn.functional.binary_cross_entropy_with_logits(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

with torch.no_grad():
    pred = (model(X_test) > 0).float()
# zh: 标签 0 是恶性，1 是良性
# en: label 0 is malignant, 1 is benign
malignant_caught = int(((pred == 0) & (y_test == 0)).sum())
malignant_missed = int(((pred == 1) & (y_test == 0)).sum())
benign_flagged = int(((pred == 0) & (y_test == 1)).sum())
benign_cleared = int(((pred == 1) & (y_test == 1)).sum())
print("                  pred malignant  pred benign")
print(f"true malignant    {malignant_caught:14d}  {malignant_missed:11d}")
print(f"true benign       {benign_flagged:14d}  {benign_cleared:11d}")
print(f"malignant recall: {malignant_caught / (malignant_caught + malignant_missed):.3f}")
accuracy = (malignant_caught + benign_cleared) / len(y_test)
print(f"accuracy: {accuracy:.3f}")
assert malignant_caught + malignant_missed + benign_flagged + benign_cleared == len(y_test)
