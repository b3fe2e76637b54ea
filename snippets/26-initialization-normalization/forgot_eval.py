# snippet: output=device
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_train, y_train, X_test, y_test = X_train.to(device), y_train.to(device), X_test.to(device), y_test.to(device)

model = nn.Sequential(nn.Linear(64, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, 10)).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
for epoch in range(5):
    for idx in torch.randperm(len(X_train)).split(32):
        loss = nn.functional.cross_entropy(model(X_train[idx]), y_train[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def accuracy(batch_size):
    with torch.no_grad():
        pred = torch.cat([model(xb).argmax(1) for xb in X_test.split(batch_size)])
    return (pred == y_test).float().mean().item()


model.eval()
acc_eval = accuracy(batch_size=2)
# zh: 忘了 model.eval()：BatchNorm 用每 2 个测试样本自己的统计量，还把它们按 momentum=0.1 混进 running_mean
# en: model.eval() forgotten: BatchNorm uses the statistics of each 2 test samples, and blends them into running_mean with momentum=0.1
model.train()
bn, before = model[1], model[1].running_mean.clone()
with torch.no_grad():
    batch_mean = model[0](X_test[:2]).mean(dim=0)
    model(X_test[:2])
print("one test batch: running_mean == 0.9 * before + 0.1 * batch mean:",
      torch.allclose(bn.running_mean, 0.9 * before + 0.1 * batch_mean, atol=1e-6))
acc_train_mode = accuracy(batch_size=2)
print(f"test acc in batches of 2: eval mode {acc_eval:.3f} | train mode {acc_train_mode:.3f}")
print("eval mode ahead by > 0.2:", acc_eval > acc_train_mode + 0.2)
n_batches = len(X_test.split(2)) + 1
print(f"after {n_batches} test batches, weight left on the training statistics: 0.9**{n_batches} = {0.9 ** n_batches:.0e}")
with torch.no_grad():
    same = torch.allclose(model(X_test[[0, 1]])[0], model(X_test[[0, 2]])[0])
print("train mode, test sample 0 with two different batch mates, same output:", same)
assert acc_eval > 0.9, acc_eval
