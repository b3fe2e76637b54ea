import torch

for dtype in (torch.float32, torch.bfloat16):
    w = torch.tensor(1.0, dtype=dtype)
    # zh: 100 次更新，每次减去 0.001
    # en: 100 updates, each subtracting 0.001
    for _ in range(100):
        w -= 1e-3
    below_one = 1 - torch.finfo(dtype).eps / 2
    print(f"{dtype!s:<15} w after 100 updates: {w.item():.4f} | next value below 1.0: {below_one:.8f}")
