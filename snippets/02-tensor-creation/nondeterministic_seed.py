import torch

# zh: torch.seed() 用一个不确定的随机数重新设置种子，PyTorch 启动时也是这样挑种子的
# en: torch.seed() reseeds with a non-deterministic number, the same way PyTorch picks its seed at start-up
first_seed = torch.seed()
a = torch.rand(3)
second_seed = torch.seed()
b = torch.rand(3)

print("same seed both times:", first_seed == second_seed)
print("same numbers both times:", torch.equal(a, b))
print("initial_seed() is the latest seed:", torch.initial_seed() == second_seed)
