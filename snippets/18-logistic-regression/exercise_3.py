import matplotlib.pyplot as plt
import torch
from sklearn.datasets import make_classification
from torch import nn

torch.manual_seed(0)
X_np, y_np = make_classification(n_samples=300, n_features=2, n_informative=2, n_redundant=0,
                                 n_clusters_per_class=1, random_state=0)
X = torch.tensor(X_np, dtype=torch.float32)
y = torch.tensor(y_np, dtype=torch.float32).reshape(-1, 1)

# zh: 两个特征，所以是 nn.Linear(2, 1)
# en: two features, so nn.Linear(2, 1)
model = nn.Linear(2, 1)
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
for epoch in range(300):
    loss = loss_fn(model(X), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

with torch.no_grad():
    accuracy = ((model(X) > 0).float() == y).float().mean().item()
(w1, w2), b = model.weight[0].tolist(), model.bias.item()
print(f"w = ({w1:.3f}, {w2:.3f}), b = {b:.3f}")
print(f"training accuracy: {accuracy:.3f}")
assert accuracy > 0.85

# zh: 决策边界是直线 w1 * x1 + w2 * x2 + b = 0
# en: the decision boundary is the line w1 * x1 + w2 * x2 + b = 0
x1 = torch.linspace(X[:, 0].min(), X[:, 0].max(), 2)
fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(X[y[:, 0] == 0, 0], X[y[:, 0] == 0, 1], s=12, color="tab:orange", label="class 0")
ax.scatter(X[y[:, 0] == 1, 0], X[y[:, 0] == 1, 1], s=12, color="tab:blue", label="class 1")
ax.plot(x1, -(w1 * x1 + b) / w2, "--", color="black", label="decision boundary")
ax.set(title="Logistic regression with two features", xlabel="x1", ylabel="x2",
       ylim=(X[:, 1].min().item() - 0.5, X[:, 1].max().item() + 0.5))
ax.legend()
plt.show()
