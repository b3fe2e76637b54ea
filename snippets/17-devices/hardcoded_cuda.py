# snippet: output=device
import torch

torch.manual_seed(0)

# zh: 把 "cuda" 写死：在没有 CUDA 的机器上会失败
# en: hard-coding "cuda": fails on a machine without CUDA
try:
    x = torch.zeros(3, device="cuda")
    print("x.device:", x.device)
except (AssertionError, RuntimeError) as err:
    print(f"{type(err).__name__}:", err)
