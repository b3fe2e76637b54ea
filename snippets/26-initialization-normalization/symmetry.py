import torch
from torch import nn

torch.manual_seed(0)
# zh: 两个特征同号时为类别 1：一个隐藏单元分不开，需要好几个各不相同的隐藏单元
# en: class 1 when both features have the same sign: one hidden unit cannot separate it, several different ones can
X = torch.randn(200, 2)
y = (X[:, 0] * X[:, 1] > 0).long()

for init in ["zeros", "constant 0.5", "random (default)"]:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 2))
    if init != "random (default)":
        for p in model.parameters():
            nn.init.constant_(p, 0.0 if init == "zeros" else 0.5)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    for step in range(300):
        loss = nn.functional.cross_entropy(model(X), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    # zh: 8 个隐藏单元的输入权重（W1 的 8 行）训练 300 步后是否仍然一模一样
    # en: are the 8 hidden units' input weights (the 8 rows of W1) still identical after 300 steps?
    W1 = model[0].weight
    identical = torch.allclose(W1, W1[0].expand_as(W1), atol=1e-6)
    print(f"{init:>16}: hidden units identical {identical} | W1 all zero {bool((W1 == 0).all())}"
          f" | loss {loss.item():.2f}, < 0.3 {loss.item() < 0.3}")
