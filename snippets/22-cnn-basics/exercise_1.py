import torch
from torch import nn

torch.manual_seed(0)


def out_size(n, k, p=0, s=1):
    return (n + 2 * p - k) // s + 1


# zh: 28×28 输入：卷积（5）-> 池化（2）-> 卷积（5）-> 池化（2）
# en: a 28×28 input: conv(5) -> pool(2) -> conv(5) -> pool(2)
n = out_size(28, k=5)
n = out_size(n, k=2, s=2)
n = out_size(n, k=5)
n = out_size(n, k=2, s=2)
in_features = 16 * n * n
print("side after the last pool:", n, "| in_features:", in_features)

features = nn.Sequential(nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
actual = features(torch.zeros(1, 1, 28, 28)).shape[1]
print("from a dummy pass:", actual)
assert actual == in_features
