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
        self.gru = nn.GRU(embedding_dim, hidden_size, batch_first=True)
        self.head = nn.Linear(hidden_size, n_classes)

    def forward(self, x, lengths):
        # zh: 打包后，h_n[-1] 是每个单词最后一个真实字符处的隐藏状态
        # en: with packing, h_n[-1] is each word's hidden state at its last real character
        _, h_n = self.gru(pack_padded_sequence(self.embedding(x), lengths, batch_first=True, enforce_sorted=False))
        return self.head(h_n[-1])


X_train, len_train, y_train = encode(train_pairs)
model = WordClassifier(len(char_to_idx) + 2, len(languages))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
# zh: 和上一段代码相同的训练
# en: the same training as in the previous snippet
for epoch in range(20):
    for idx in torch.randperm(len(y_train)).split(16):
        loss = nn.functional.cross_entropy(model(X_train[idx], len_train[idx]), y_train[idx])
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
        optimizer.step()

# zh: 这些单词不在 words.txt 里；jikan 的 j 从没在训练集里出现过，会被编码成 UNK
# en: none of these words is in words.txt; the j of jikan never occurs in the training words, so it becomes UNK
new_words = [("yesterday", "en"), ("bottle", "en"), ("schmetterling", "de"), ("kühlschrank", "de"),
             ("bicicletta", "it"), ("farfalla", "it"), ("sakura", "ja"), ("jikan", "ja")]
X_new, len_new, _ = encode(new_words)
print("jikan ->", X_new[-1, :len_new[-1]].tolist())
with torch.no_grad():
    probs = torch.softmax(model(X_new, len_new), dim=1)
for (word, lang), p in zip(new_words, probs):
    guess = languages[p.argmax()]
    print(f"{word:<14} -> {guess} (p={p.max():.2f})  expected {lang}  {'ok' if guess == lang else 'WRONG'}")
