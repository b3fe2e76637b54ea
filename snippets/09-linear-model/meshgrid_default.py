import warnings

import torch

w = torch.tensor([0.0, 1.0, 2.0])
b = torch.tensor([10.0, 20.0])

# zh: 不写 indexing：今天按 "ij" 处理，但会发出警告
# en: without indexing: today it behaves like "ij", but it warns
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    W, B = torch.meshgrid(w, b)
print("default W.shape:", tuple(W.shape))
print("UserWarning:", str(caught[0].message).split(" (Triggered")[0])
