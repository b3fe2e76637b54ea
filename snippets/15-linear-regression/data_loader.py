import torch
from sklearn.datasets import make_regression
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

x_np, y_np = make_regression(n_samples=100, n_features=1, noise=10.0, bias=14.5, random_state=0)
x = torch.tensor(x_np, dtype=torch.float32)
y = torch.tensor(y_np, dtype=torch.float32).reshape(-1, 1)

# zh: TensorDataset 把 x 和 y 按行配对：dataset[i] 就是 (x[i], y[i])
# en: TensorDataset pairs x and y row by row: dataset[i] is (x[i], y[i])
dataset = TensorDataset(x, y)
print("len(dataset):", len(dataset))
print("dataset[0]:", dataset[0])

# zh: 每批 16 个样本，每轮打乱；打乱顺序由带种子的生成器决定
# en: 16 samples per batch, shuffled every epoch; a seeded generator fixes the order
generator = torch.Generator().manual_seed(0)
loader = DataLoader(dataset, batch_size=16, shuffle=True, generator=generator)
print("batches per epoch:", len(loader))

xb, yb = next(iter(loader))
print("one batch:", xb.shape, yb.shape)

# zh: 每一轮的顺序都不同：看看每轮第一批的前 4 个 x
# en: each epoch has a different order: look at the first 4 x of each first batch
for epoch in range(2):
    batches = list(loader)
    print(f"epoch {epoch}: batch sizes {[len(xb) for xb, _ in batches]}")
    print("  first x values:", batches[0][0][:4].flatten())
