import torch
from torch import nn

torch.manual_seed(0)

chars = ["e", "h", "l", "o"]
# zh: 输入直接用字符的索引，形状 (batch, seq_len) = (1, 5)
# en: the input is just the character indices, shape (batch, seq_len) = (1, 5)
x_idx = torch.tensor([[chars.index(c) for c in "hello"]])
y = torch.tensor([chars.index(c) for c in "ohlol"])


class EmbeddingRNN(nn.Module):
    def __init__(self, vocab_size=4, embedding_dim=10, hidden_size=8):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim)
        self.rnn = nn.RNN(embedding_dim, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, vocab_size)

    def forward(self, x):
        e = self.embedding(x)       # (batch, seq_len, embedding_dim)
        out, _ = self.rnn(e)        # (batch, seq_len, hidden_size)
        return self.head(out).reshape(-1, self.head.out_features)


model = EmbeddingRNN()
print("embedding weight:", tuple(model.embedding.weight.shape))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)

for epoch in range(15):
    logits = model(x_idx)
    loss = loss_fn(logits, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    predicted = "".join(chars[i] for i in logits.argmax(dim=1).tolist())
    if epoch % 2 == 0 or epoch == 14:
        print(f"epoch {epoch:2d}  loss {loss.item():.3f}  predicted: {predicted}")

assert predicted == "ohlol"
