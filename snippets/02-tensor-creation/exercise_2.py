import torch

# zh: 独立的生成器有自己的状态，不受全局随机数的影响
# en: a separate generator has its own state, untouched by the global random numbers
g = torch.Generator().manual_seed(123)
first = torch.rand(3, generator=g)

torch.manual_seed(0)
torch.rand(1000)

g.manual_seed(123)
second = torch.rand(3, generator=g)

print("first: ", first)
print("second:", second)
print("g.initial_seed():", g.initial_seed())
assert torch.equal(first, second)
