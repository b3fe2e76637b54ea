import subprocess
import sys

# zh: 启动两个全新的 Python 进程，都不设种子，各自报告 initial_seed()
# en: start two fresh Python processes without setting a seed; each reports initial_seed()
code = "import torch; print(torch.initial_seed(), torch.rand(3))"
runs = [
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    for _ in range(2)
]
print("two unseeded runs gave the same seed and numbers:", runs[0] == runs[1])
