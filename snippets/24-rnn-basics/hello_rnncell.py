import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

chars = ["e", "h", "l", "o"]
x_idx = torch.tensor([chars.index(c) for c in "hello"])
y = torch.tensor([chars.index(c) for c in "ohlol"])
inputs = F.one_hot(x_idx, num_classes=4).float().unsqueeze(1)  # (5, 1, 4)

cell = nn.RNNCell(input_size=4, hidden_size=8)
# zh: 线性层把 8 维的隐藏状态变成 4 个字符的得分
# en: a linear layer turns the 8-dim hidden state into scores for the 4 characters
head = nn.Linear(8, 4)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam([*cell.parameters(), *head.parameters()], lr=0.05)

for epoch in range(15):
    h = torch.zeros(1, 8)
    loss = 0.0
    predicted = ""
    for x_t, y_t in zip(inputs, y):
        h = cell(x_t, h)
        logits = head(h)
        # zh: 把每个时间步的损失加起来，整个序列只做一次反向传播
        # en: add up the loss of every step; one backward pass for the whole sequence
        loss = loss + loss_fn(logits, y_t.unsqueeze(0))
        predicted += chars[logits.argmax(dim=1).item()]
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(f"epoch {epoch:2d}  loss {loss.item():.3f}  predicted: {predicted}")

assert predicted == "ohlol"
