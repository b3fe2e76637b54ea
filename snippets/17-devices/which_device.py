# snippet: output=device
import torch

torch.manual_seed(0)

print("torch version:", torch.__version__)
# zh: 通用接口：不管是 CUDA、MPS 还是别的加速器都适用
# en: the generic API: works for CUDA, MPS and other accelerators alike
print("accelerator available:", torch.accelerator.is_available())
print("current accelerator:", torch.accelerator.current_accelerator())
print("accelerator count:", torch.accelerator.device_count())
# zh: 针对某一种后端的接口
# en: backend-specific checks
print("CUDA available:", torch.cuda.is_available())
print("MPS available:", torch.backends.mps.is_available())
