import math

import torch


def predicted_chunk_sizes(length, n):
    size = math.ceil(length / n)
    return [min(size, length - start) for start in range(0, length, size)]


fewer = []
for length in range(1, 13):
    for n in range(1, 6):
        actual = [len(p) for p in torch.arange(length).chunk(n)]
        assert actual == predicted_chunk_sizes(length, n), (length, n)
        if len(actual) < n <= length:
            fewer.append((length, n, actual))

print("rule holds for lengths 1..12 and n 1..5")
print("first cases with fewer than n pieces:", fewer[:3])
