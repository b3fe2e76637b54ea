import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(8, 4), torch.randn(8, 1)


def train_step(x, y):
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
    return loss


def step_with_print(x, y):
    loss = nn.functional.mse_loss(model(x), y)
    print("loss:", loss.item())
    return loss


# zh: fullgraph=True 要求整个函数编译成一张图，遇到第一处图中断就报错，并说明原因
# en: fullgraph=True demands one graph for the whole function and raises at the first graph break, saying why
for fn in (train_step, step_with_print):
    try:
        torch.compile(fn, fullgraph=True)(x, y)
    except torch._dynamo.exc.Unsupported as err:
        reason, explanation = str(err).splitlines()[:2]
        print(f"{fn.__name__}: {reason}\n  {explanation.strip()}")
