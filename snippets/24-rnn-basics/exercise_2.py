import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

chars = ["e", "h", "l", "o"]
x = F.one_hot(torch.tensor([chars.index(c) for c in "hello"]), num_classes=4).float()
y = torch.tensor([chars.index(c) for c in "ohlol"])

# zh: 没有隐藏状态的模型：每个字符单独映射到一个输出
# en: a model with no hidden state: each character is mapped to an output on its own
model = nn.Linear(4, 4)
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
for epoch in range(200):
    loss = F.cross_entropy(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

with torch.no_grad():
    pred = model(x).argmax(dim=1)
correct = (pred == y).sum().item()
print("predicted:", "".join(chars[i] for i in pred.tolist()), "| target: ohlol | correct:", correct, "of 5")
# zh: 两个“l”输入分别要求输出“l”和“o”，最好也只能各给 50%：损失不低于 2·ln2/5
# en: the two "l" inputs ask for "l" and for "o"; the best is 50% each, so the loss cannot drop below 2·ln2/5
print(f"final loss: {loss.item():.3f} | lower bound: {2 * torch.log(torch.tensor(2.0)).item() / 5:.3f}")
assert correct <= 4
