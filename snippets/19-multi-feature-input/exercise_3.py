import torch
from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

X, y = load_breast_cancer(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
X_train, X_test = torch.tensor(X_train, dtype=torch.float32), torch.tensor(X_test, dtype=torch.float32)
y_train = torch.tensor(y_train, dtype=torch.float32).reshape(-1, 1)
y_test = torch.tensor(y_test, dtype=torch.float32).reshape(-1, 1)
mean, std = X_train.mean(dim=0), X_train.std(dim=0)
X_train, X_test = (X_train - mean) / std, (X_test - mean) / std


def test_accuracy_per_epoch(activation, epochs=50):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(30, 16), activation(), nn.Linear(16, 8), activation(), nn.Linear(8, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loader = DataLoader(TensorDataset(X_train, y_train), batch_size=32, shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    accs = []
    for epoch in range(epochs):
        for xb, yb in loader:
            loss = nn.functional.binary_cross_entropy_with_logits(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            accs.append(((model(X_test) > 0).float() == y_test).float().mean().item())
    return accs


for activation in (nn.ReLU, nn.Sigmoid):
    accs = test_accuracy_per_epoch(activation)
    first = next(epoch for epoch, acc in enumerate(accs) if acc > 0.9)
    print(f"{activation.__name__:7}: test accuracy after epoch 5 {accs[5]:.3f}, "
          f"first epoch above 0.9: {first}, final {accs[-1]:.3f}")
    assert accs[-1] > 0.9
