# snippet: output=device
import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
# zh: CUDA 上用 float16，CPU 上用 bfloat16
# en: float16 on CUDA, bfloat16 on the CPU
amp_dtype = torch.float16 if device == "cuda" else torch.bfloat16

model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10)).to(device)
x = torch.randn(16, 64, device=device)
y = torch.randint(0, 10, (16,), device=device)
print("device:", device, "| autocast dtype:", amp_dtype)
with torch.autocast(device_type=device, dtype=amp_dtype):
    hidden = model[1](model[0](x))
    logits = model[2](hidden)
    log_probs = torch.log_softmax(logits, dim=1)
    loss = nn.functional.cross_entropy(logits, y)
    print("x:", x.dtype, "| linear + relu:", hidden.dtype, "| logits:", logits.dtype)
    print("log_softmax:", log_probs.dtype, "| cross_entropy loss:", loss.dtype)
loss.backward()
print("weight:", model[0].weight.dtype, "| weight.grad:", model[0].weight.grad.dtype)
