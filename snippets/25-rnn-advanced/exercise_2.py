from pathlib import Path

import torch
from sklearn.model_selection import train_test_split
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

torch.manual_seed(0)

path = Path(__file__).parent / "words.txt"
pairs = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
languages = ["en", "de", "it", "ja"]
train_pairs, test_pairs = train_test_split(pairs, test_size=0.25, stratify=[lang for _, lang in pairs],
                                           random_state=0)
# zh: 字符表只来自训练集：0 是填充，1 是未知字符
# en: the vocabulary comes from the training words only: 0 is padding, 1 is unknown
PAD, UNK = 0, 1
char_to_idx = {c: i + 2 for i, c in enumerate(sorted(set("".join(w for w, _ in train_pairs))))}


def encode(pairs):
    seqs = [torch.tensor([char_to_idx.get(c, UNK) for c in w]) for w, _ in pairs]
    labels = torch.tensor([languages.index(lang) for _, lang in pairs])
    return pad_sequence(seqs, batch_first=True), torch.tensor([len(s) for s in seqs]), labels


class WordClassifier(nn.Module):
    def __init__(self, vocab_size, n_classes, embedding_dim=16, hidden_size=32):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=PAD)
        # zh: 把 GRU 换成 LSTM，其他都不变
        # en: an LSTM instead of the GRU; everything else stays the same
        self.lstm = nn.LSTM(embedding_dim, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, n_classes)

    def forward(self, x, lengths):
        # zh: LSTM 返回 (h_n, c_n)，分类只用 h_n
        # en: an LSTM returns (h_n, c_n); the classifier uses h_n only
        packed = pack_padded_sequence(self.embedding(x), lengths, batch_first=True, enforce_sorted=False)
        _, (h_n, c_n) = self.lstm(packed)
        return self.head(h_n[-1])


(X_train, len_train, y_train), (X_test, len_test, y_test) = encode(train_pairs), encode(test_pairs)
model = WordClassifier(len(char_to_idx) + 2, len(languages))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
for epoch in range(20):
    for idx in torch.randperm(len(y_train)).split(16):
        loss = nn.functional.cross_entropy(model(X_train[idx], len_train[idx]), y_train[idx])
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        optimizer.step()

with torch.no_grad():
    test_acc = (model(X_test, len_test).argmax(1) == y_test).float().mean().item()
print("LSTM parameters:", sum(p.numel() for p in model.parameters()))
print(f"LSTM test acc: {test_acc:.3f} on {len(y_test)} held-out words")
assert test_acc > 0.5
