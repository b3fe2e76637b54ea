# snippet: output=device
import torch

print("torch version:", torch.__version__)
print("accelerator available:", torch.accelerator.is_available())

# zh: check_available=True：只报告本机真正能用的加速器
# en: check_available=True: report only an accelerator that this machine can really use
accelerator = torch.accelerator.current_accelerator(check_available=True)
print("accelerator:", accelerator.type if accelerator is not None else "none")
if torch.cuda.is_available():
    print("GPU name:", torch.cuda.get_device_name())

# zh: 本课程所有示例都用这一行挑选设备：有加速器用加速器，否则用 CPU
# en: every example in this course picks its device with this line: the accelerator if there is one, else the CPU
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"
x = torch.ones(2, 3, device=device)
print("examples will run on:", x.device)
