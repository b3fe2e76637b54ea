import torch

torch.manual_seed(0)
features = torch.randn(10, 3)
labels = torch.arange(10)

x_batches = features.split(4)
y_batches = labels.split(4)
for x, y in zip(x_batches, y_batches):
    print("batch:", tuple(x.shape), tuple(y.shape), "labels:", y.tolist())
    assert len(x) == len(y)

assert [len(x) for x in x_batches] == [4, 4, 2]
assert torch.equal(torch.cat(x_batches), features)
print("checks passed")
