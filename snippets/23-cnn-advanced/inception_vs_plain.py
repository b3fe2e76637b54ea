import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

digits = load_digits()
X = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16
X_train, X_test, y_train, y_test = train_test_split(X, torch.tensor(digits.target), test_size=0.2,
                                                    stratify=digits.target, random_state=0)


class Inception(nn.Module):
    def __init__(self, c_in, c1, c3, c5, cp):
        super().__init__()
        self.branches = nn.ModuleList([
            nn.Conv2d(c_in, c1, 1),
            nn.Sequential(nn.Conv2d(c_in, c3 // 2, 1), nn.ReLU(), nn.Conv2d(c3 // 2, c3, 3, padding=1)),
            nn.Sequential(nn.Conv2d(c_in, c5 // 2, 1), nn.ReLU(), nn.Conv2d(c5 // 2, c5, 5, padding=2)),
            nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1), nn.Conv2d(c_in, cp, 1))])

    def forward(self, x):
        return torch.relu(torch.cat([branch(x) for branch in self.branches], dim=1))


def conv(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.ReLU())


# zh: 同一个骨架：8×8 -> 池化 -> 4×4 -> 池化 -> 2×2 -> 线性层，只有中间的积木不同
# en: one skeleton: 8×8 -> pool -> 4×4 -> pool -> 2×2 -> linear; only the building blocks differ
def make_net(kind):
    if kind == "plain":
        body = [conv(16, 16), nn.MaxPool2d(2), conv(16, 32), conv(32, 32)]
    else:
        body = [Inception(16, 8, 16, 4, 4), nn.MaxPool2d(2), Inception(32, 8, 16, 4, 4)]
    return nn.Sequential(conv(1, 16), *body, nn.MaxPool2d(2), nn.Flatten(), nn.Linear(32 * 2 * 2, 10))


test_acc = {}
for kind in ("plain", "inception"):
    torch.manual_seed(0)
    model = make_net(kind)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    for epoch in range(10):
        for idx in torch.randperm(len(X_train)).split(32):
            loss = nn.functional.cross_entropy(model(X_train[idx]), y_train[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        test_acc[kind] = (model(X_test).argmax(1) == y_test).float().mean().item()
    n_params = sum(p.numel() for p in model.parameters())
    print(f"{kind:<10} parameters={n_params:>6}  test acc={test_acc[kind]:.3f}")
    assert test_acc[kind] > 0.9
gap = abs(test_acc["plain"] - test_acc["inception"]) * len(y_test)
print(f"gap: {gap:.0f} of {len(y_test)} test images")
