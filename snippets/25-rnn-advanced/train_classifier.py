from pathlib import Path

import matplotlib.pyplot as plt
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
        self.gru = nn.GRU(embedding_dim, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, n_classes)

    def forward(self, x, lengths):
        # zh: 打包后，h_n[-1] 是每个单词最后一个真实字符处的隐藏状态
        # en: with packing, h_n[-1] is each word's hidden state at its last real character
        _, h_n = self.gru(pack_padded_sequence(self.embedding(x), lengths, batch_first=True, enforce_sorted=False))
        return self.head(h_n[-1])


(X_train, len_train, y_train), (X_test, len_test, y_test) = encode(train_pairs), encode(test_pairs)
model = WordClassifier(len(char_to_idx) + 2, len(languages))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
losses, n_clipped = [], 0
for epoch in range(20):
    total = 0.0
    for idx in torch.randperm(len(y_train)).split(16):
        loss = nn.functional.cross_entropy(model(X_train[idx], len_train[idx]), y_train[idx])
        optimizer.zero_grad()
        loss.backward()
        # zh: 梯度裁剪：全部梯度合起来的范数超过 1 时按比例缩小到 1（返回裁剪前的范数）
        # en: gradient clipping: scale the gradients down when their total norm exceeds 1 (returns the unclipped norm)
        n_clipped += int(nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0) > 1.0)
        optimizer.step()
        total += loss.item() * len(idx)
    losses.append(total / len(y_train))
print("parameters:", sum(p.numel() for p in model.parameters()), "| steps clipped:", n_clipped, "of", 20 * 12)

with torch.no_grad():
    pred = model(X_test, len_test).argmax(1)
test_acc = (pred == y_test).float().mean().item()
print(f"training loss: epoch 1 {losses[0]:.2f}, epoch 20 {losses[-1]:.3f}")
print(f"test acc: {test_acc:.3f} on {len(y_test)} held-out words (chance 0.25)")
assert test_acc > 0.5
# zh: 混淆矩阵（见第 21 章练习 2）：第 i 行第 j 列是真实语言为 i、被预测成 j 的单词数
# en: confusion matrix (see chapter 21, exercise 2): row i, column j counts words of language i predicted as j
print("rows: true", languages, "| columns: predicted")
print(torch.bincount(y_test * 4 + pred, minlength=16).reshape(4, 4))
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(range(1, 21), losses)
ax.set(title="GRU word classifier: training loss", xlabel="epoch", ylabel="mean cross-entropy loss")
plt.show()
