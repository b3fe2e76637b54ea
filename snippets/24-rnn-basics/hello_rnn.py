import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

chars = ["e", "h", "l", "o"]
x_idx = torch.tensor([chars.index(c) for c in "hello"])
y = torch.tensor([chars.index(c) for c in "ohlol"])
inputs = F.one_hot(x_idx, num_classes=4).float().unsqueeze(1)  # (5, 1, 4)


class CharRNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(input_size=4, hidden_size=8)
        self.head = nn.Linear(8, 4)

    def forward(self, x):
        out, _ = self.rnn(x)                  # (seq_len, batch, 8)
        return self.head(out).reshape(-1, 4)  # (seq_len * batch, 4)


model = CharRNN()
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)

for epoch in range(15):
    logits = model(inputs)
    # zh: 5 个时间步一起算交叉熵，默认取平均
    # en: cross-entropy over all 5 steps at once, averaged by default
    loss = loss_fn(logits, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    predicted = "".join(chars[i] for i in logits.argmax(dim=1).tolist())
    print(f"epoch {epoch:2d}  loss {loss.item():.3f}  predicted: {predicted}")

assert predicted == "ohlol"
