import torch
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

X, y = load_breast_cancer(return_X_y=True)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=0)
X_train, X_val = torch.tensor(X_train, dtype=torch.float32), torch.tensor(X_val, dtype=torch.float32)
y_train = torch.tensor(y_train, dtype=torch.float32).reshape(-1, 1)
y_val = torch.tensor(y_val, dtype=torch.float32).reshape(-1, 1)
mean, std = X_train.mean(dim=0), X_train.std(dim=0)


def train_and_validate(X_tr, X_va):
    # zh: 同样的种子、模型、优化器和轮数，只有输入不同
    # en: the same seed, model, optimizer and epochs; only the inputs differ
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(30, 16), nn.ReLU(), nn.Linear(16, 8), nn.ReLU(), nn.Linear(8, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(TensorDataset(X_tr, y_train), batch_size=32, shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    for epoch in range(30):
        for xb, yb in loader:
            loss = nn.functional.binary_cross_entropy_with_logits(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        pred = (model(X_va) > 0).float()
        # zh: 第二个隐藏层中，对至少一个训练样本输出非零的单元数
        # en: units of the second hidden layer that are non-zero for at least one training sample
        active = (model[:4](X_tr) > 0).any(dim=0).sum().item()
    return (pred == y_val).float().mean().item(), pred.mean().item(), active


for name, (X_tr, X_va) in {"raw": (X_train, X_val),
                           "standardised": ((X_train - mean) / std, (X_val - mean) / std)}.items():
    acc, benign_share, active = train_and_validate(X_tr, X_va)
    print(f"{name:12}: val accuracy {acc:.3f}, predicted benign {benign_share:.3f}, active units {active}/8")
