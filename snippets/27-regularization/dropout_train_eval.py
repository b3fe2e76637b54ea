import torch
from torch import nn

torch.manual_seed(0)
dropout = nn.Dropout(p=0.25)
x = torch.ones(2, 8)

# zh: 训练模式：每个元素以概率 p 置 0，留下的乘以 1/(1-p)
# en: training mode: each element is zeroed with probability p, the rest are multiplied by 1/(1-p)
dropout.train()
out = dropout(x)
print(out)
print("values kept:", [round(v, 4) for v in out[out != 0].unique().tolist()], "| 1/(1-p):", round(1 / (1 - 0.25), 4))

# zh: 平均下来，输出的期望和输入相同
# en: on average the output has the same expectation as the input
big = dropout(torch.ones(100_000))
print(f"fraction zeroed: {(big == 0).float().mean().item():.3f}, mean: {big.mean().item():.3f}")

# zh: 评估模式：什么也不做，输出就是输入
# en: evaluation mode: it does nothing, the output is the input
dropout.eval()
assert torch.equal(dropout(x), x)
print("eval output equals input:", torch.equal(dropout(x), x))
