import torch

torch.manual_seed(42)
a = torch.rand(3)
print("seed 42, first draw: ", a)
print("seed 42, second draw:", torch.rand(3))

# zh: 重新设置同一个种子，随机数序列从头再来
# en: setting the same seed again restarts the same sequence
torch.manual_seed(42)
b = torch.rand(3)
print("seed 42 again:       ", b)
print("a equals b:", torch.equal(a, b))

# zh: initial_seed() 返回最近一次设置的种子，抽样不会改变它
# en: initial_seed() returns the seed you last set; drawing numbers does not change it
print("initial_seed():", torch.initial_seed())

torch.manual_seed(7)
print("seed 7:              ", torch.rand(3))
print("initial_seed():", torch.initial_seed())
