import torch

x = torch.arange(5)
# zh: NumPy 允许 ::-1，PyTorch 的切片却不允许负的间隔（step）
# en: NumPy accepts ::-1; PyTorch slices do not allow negative steps
try:
    x[::-1]
except ValueError as err:
    print("ValueError:", err)

# zh: 要倒序，用 torch.flip（它会复制数据）
# en: to reverse, use torch.flip (it copies)
flipped = torch.flip(x, dims=[0])
print("flipped:", flipped)
flipped[0] = 100
print("x after flipped[0] = 100:", x)
