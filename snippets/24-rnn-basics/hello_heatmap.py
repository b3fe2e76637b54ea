import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)

chars = ["e", "h", "l", "o"]
x_idx = torch.tensor([[chars.index(c) for c in "hello"]])
y = torch.tensor([chars.index(c) for c in "ohlol"])

# zh: 与上一段代码相同的模型和训练
# en: the same model and training as in the previous snippet
embedding, rnn, head = nn.Embedding(4, 10), nn.RNN(10, 8, batch_first=True), nn.Linear(8, 4)
params = [*embedding.parameters(), *rnn.parameters(), *head.parameters()]
optimizer = torch.optim.Adam(params, lr=0.05)
for epoch in range(15):
    loss = nn.functional.cross_entropy(head(rnn(embedding(x_idx))[0])[0], y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

# zh: 每一行是一个时间步：hidden 是 8 个隐藏单元，probs 是 4 个字符的概率
# en: one row per time step: hidden holds the 8 hidden units, probs the probabilities of the 4 characters
with torch.no_grad():
    hidden = rnn(embedding(x_idx))[0][0]           # (5, 8)
    probs = torch.softmax(head(hidden), dim=1)     # (5, 4)
print("P(target) per step:", [round(p, 3) for p in probs[range(5), y].tolist()])
# zh: 两个“l”时间步的输入相同，隐藏状态却不同
# en: the two "l" steps get the same input but different hidden states
print("hidden at 1st l:", [round(v, 2) for v in hidden[2].tolist()])
print("hidden at 2nd l:", [round(v, 2) for v in hidden[3].tolist()])

fig, (ax_p, ax_h) = plt.subplots(1, 2, figsize=(9, 3.5))
im = ax_p.imshow(probs.T.numpy(), cmap="Blues", vmin=0, vmax=1)
for t in range(5):
    for c in range(4):
        color = "white" if probs[t, c] > 0.5 else "black"
        ax_p.text(t, c, f"{probs[t, c]:.2f}", ha="center", va="center", fontsize=8, color=color)
ax_p.set(title="Predicted probabilities", xlabel="time step (input char)", ylabel="output char",
         xticks=range(5), xticklabels=list("hello"), yticks=range(4), yticklabels=chars)
fig.colorbar(im, ax=ax_p)
im = ax_h.imshow(hidden.T.numpy(), cmap="coolwarm", vmin=-1, vmax=1)
ax_h.set(title="Hidden state", xlabel="time step (input char)", ylabel="hidden unit",
         xticks=range(5), xticklabels=list("hello"), yticks=range(8))
fig.colorbar(im, ax=ax_h)
plt.tight_layout()
plt.show()
