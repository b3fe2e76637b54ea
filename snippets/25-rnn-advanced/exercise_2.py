# snippet: output=device
from pathlib import Path

import torch
from sklearn.model_selection import train_test_split
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

path = Path(__file__).parent / "words.txt"
pairs = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
languages = ["en", "de", "it", "ja"]
chars = sorted(set("".join(w for w, _ in pairs)))
# zh: 索引从 1 开始，0 留给填充
# en: indices start at 1; 0 is kept for padding
char_to_idx = {c: i + 1 for i, c in enumerate(chars)}
X = pad_sequence([torch.tensor([char_to_idx[c] for c in w]) for w, _ in pairs], batch_first=True)
lengths = torch.tensor([len(w) for w, _ in pairs])
y = torch.tensor([languages.index(lang) for _, lang in pairs])
X_train, X_test, len_train, len_test, y_train, y_test = train_test_split(
    X, lengths, y, test_size=0.25, stratify=y, random_state=0)


class WordClassifier(nn.Module):
    def __init__(self, vocab_size, n_classes, embedding_dim=16, hidden_size=32):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=0)
        # zh: 把 GRU 换成 LSTM
        # en: an LSTM instead of the GRU
        self.lstm = nn.LSTM(embedding_dim, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, n_classes)

    def forward(self, x, lengths):
        # zh: lengths 必须是 CPU 上的张量，即使模型在 GPU 上
        # en: lengths must be a CPU tensor, even when the model is on a GPU
        packed = pack_padded_sequence(self.embedding(x), lengths, batch_first=True, enforce_sorted=False)
        # zh: LSTM 返回 (h_n, c_n)，分类只用 h_n
        # en: an LSTM returns (h_n, c_n); classification uses h_n only
        _, (h_n, c_n) = self.lstm(packed)
        # zh: h_n[-1] 是每个单词最后一个真实字符处的隐藏状态
        # en: h_n[-1] is each word's hidden state at its last real character
        return self.head(h_n[-1])


def accuracy(model, X, lengths, y):
    model.eval()
    with torch.no_grad():
        return (model(X.to(device), lengths).argmax(1).cpu() == y).float().mean().item()


model = WordClassifier(len(chars) + 1, len(languages)).to(device)
loader = DataLoader(TensorDataset(X_train, len_train, y_train), batch_size=16, shuffle=True,
                    generator=torch.Generator().manual_seed(0))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
loss_fn = nn.CrossEntropyLoss()
for epoch in range(30):
    model.train()
    for xb, lb, yb in loader:
        loss = loss_fn(model(xb.to(device), lb), yb.to(device))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

test_acc = accuracy(model, X_test, len_test, y_test)
print("LSTM parameters:", sum(p.numel() for p in model.parameters()))
print(f"LSTM test acc: {test_acc:.3f} on {len(y_test)} held-out words")
assert test_acc > 0.5
