import torch
import torch.nn.functional as F
from torch import nn

chars = ["e", "h", "l", "o"]
inputs = F.one_hot(torch.tensor([chars.index(c) for c in "hello"]), num_classes=4).float().unsqueeze(1)
y = torch.tensor([chars.index(c) for c in "ohlol"])


def train(seed, with_head):
    torch.manual_seed(seed)
    # zh: 没有线性层时，隐藏状态本身就是得分，hidden_size 只能等于 4
    # en: without a linear layer the hidden state is the score vector, so hidden_size must be 4
    rnn = nn.RNN(4, 8 if with_head else 4)
    head = nn.Linear(8, 4) if with_head else nn.Identity()
    optimizer = torch.optim.Adam([*rnn.parameters(), *head.parameters()], lr=0.05)
    for epoch in range(40):
        logits = head(rnn(inputs)[0]).reshape(5, 4)
        loss = F.cross_entropy(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return "".join(chars[i] for i in logits.argmax(dim=1).tolist())


for with_head in (False, True):
    predictions = [train(seed, with_head) for seed in range(10)]
    n_solved = predictions.count("ohlol")
    print(f"with head={with_head!s:<5}  solved for {n_solved} of 10 seeds:", predictions)
