import torch

w = torch.tensor([0.0, 1.0, 2.0])
b = torch.tensor([10.0, 20.0])

# zh: indexing="ij"：第 0 维跟着 w 变，第 1 维跟着 b 变，形状 (len(w), len(b))
# en: indexing="ij": dim 0 follows w, dim 1 follows b; shape (len(w), len(b))
W, B = torch.meshgrid(w, b, indexing="ij")
print("ij  W.shape:", tuple(W.shape))
print("W:\n", W)
print("B:\n", B)

# zh: indexing="xy"（NumPy 的默认）：两维对调，形状 (len(b), len(w))
# en: indexing="xy" (NumPy's default): the two dims swap; shape (len(b), len(w))
W, B = torch.meshgrid(w, b, indexing="xy")
print("xy  W.shape:", tuple(W.shape))
print("W:\n", W)
print("B:\n", B)
