import torch

x = torch.tensor([-3.0, -0.5, 0.0, 0.5, 3.0])

# zh: clamp 把每个元素夹到 [min, max] 区间里
# en: clamp squeezes every element into [min, max]
print("x.clamp(-1, 1):", x.clamp(-1, 1))

# zh: 只给下界：小于 0 的变成 0，这正是 ReLU
# en: a lower bound only: anything below 0 becomes 0, which is ReLU
print("x.clamp(min=0):", x.clamp(min=0))
print("same as relu:", torch.equal(x.clamp(min=0), torch.relu(x)))

# zh: 常见用法：求 log 之前避开 0
# en: a common use: keep values away from 0 before a log
p = torch.tensor([0.0, 0.5, 1.0])
print("log(p):", p.log())
print("log(p.clamp(min=1e-7)):", p.clamp(min=1e-7).log())
