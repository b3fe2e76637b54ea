import torch

a = torch.tensor([7, -7])
# zh: 两个整数张量相除，得到浮点数（真除法）
# en: dividing integer tensors gives floats (true division)
print("a / 2:", a / 2, a.div(2).dtype)

# zh: 向零取整（trunc）与向下取整（floor）只在负数上有区别
# en: rounding toward zero (trunc) and rounding down (floor) differ only on negatives
print("trunc:", torch.div(a, 2, rounding_mode="trunc"))
print("floor:", torch.div(a, 2, rounding_mode="floor"))

# zh: // 是向下取整，和 Python 的整数除法一致，结果保持整数类型
# en: // rounds down, as Python's own // does, and keeps the integer dtype
print("a // 2:", a // 2)
print("Python 7 // 2, -7 // 2:", 7 // 2, -7 // 2)
