# snippet: output=device
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from sklearn.model_selection import train_test_split
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence

SEED = 0
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

# zh: 数据、划分和字符表都和第 25 章相同；words.txt 放在第 25 章的目录里
# en: the same data, split and vocabulary as chapter 25; words.txt lives in chapter 25's folder
path = Path(__file__).resolve().parent.parent / "25-rnn-advanced" / "words.txt"
pairs = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
languages = ["en", "de", "it", "ja"]
train_pairs, test_pairs = train_test_split(pairs, test_size=0.25, stratify=[lang for _, lang in pairs],
                                           random_state=0)
PAD, UNK = 0, 1
char_to_idx = {c: i + 2 for i, c in enumerate(sorted(set("".join(w for w, _ in train_pairs))))}


def encode(pairs):
    seqs = [torch.tensor([char_to_idx.get(c, UNK) for c in w]) for w, _ in pairs]
    labels = torch.tensor([languages.index(lang) for _, lang in pairs])
    return pad_sequence(seqs, batch_first=True).to(device), torch.tensor([len(s) for s in seqs]), labels.to(device)


class GRUClassifier(nn.Module):
    def __init__(self, vocab_size, d=32):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, d, padding_idx=PAD)
        self.gru = nn.GRU(d, d, batch_first=True)
        self.head = nn.Linear(d, len(languages))

    def forward(self, x, lengths):
        _, h_n = self.gru(pack_padded_sequence(self.embedding(x), lengths, batch_first=True, enforce_sorted=False))
        return self.head(h_n[-1])


class TransformerClassifier(nn.Module):
    def __init__(self, vocab_size, d=32, max_len=16):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, d, padding_idx=PAD)
        angles = torch.arange(max_len).unsqueeze(1) * 10000 ** (-torch.arange(0, d, 2) / d)
        self.register_buffer("pe", torch.stack([angles.sin(), angles.cos()], dim=-1).flatten(1))
        layer = nn.TransformerEncoderLayer(d, nhead=4, dim_feedforward=64, dropout=0.1, batch_first=True)
        # zh: enable_nested_tensor=False：不用嵌套张量这条快速路径，也就不会有关于它的 UserWarning
        # en: enable_nested_tensor=False: skip the nested-tensor fast path, and the UserWarning about it
        self.encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
        self.head = nn.Linear(d, len(languages))

    def forward(self, x, lengths):
        h = self.embedding(x) + self.pe[: x.size(1)]
        # zh: src_key_padding_mask 里 True 表示“这是填充，忽略它”
        # en: in src_key_padding_mask, True means "this is padding, ignore it"
        h = self.encoder(h, src_key_padding_mask=x == PAD)
        # zh: 只对真实字符取平均，作为整个单词的表示
        # en: average over the real characters only to get one vector per word
        real = (x != PAD).unsqueeze(-1)
        return self.head((h * real).sum(1) / real.sum(1))


(X_train, len_train, y_train), (X_test, len_test, y_test) = encode(train_pairs), encode(test_pairs)
fig, ax = plt.subplots(figsize=(6, 4))
test_acc = {}
for name, Model in [("GRU", GRUClassifier), ("Transformer", TransformerClassifier)]:
    # zh: 两个模型用同一个随机种子、同样的批量顺序、优化器、学习率、轮数和梯度裁剪
    # en: both models get the same seed, batch order, optimizer, learning rate, epochs and gradient clipping
    torch.manual_seed(SEED)
    order = torch.Generator().manual_seed(SEED)
    model = Model(len(char_to_idx) + 2).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    accs = []
    for _ in range(30):
        model.train()
        for idx in torch.randperm(len(y_train), generator=order).split(16):
            loss = F.cross_entropy(model(X_train[idx], len_train[idx]), y_train[idx])
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            optimizer.step()
        model.eval()
        with torch.no_grad():
            accs.append((model(X_test, len_test).argmax(1) == y_test).float().mean().item())
    # zh: 60 个测试单词上一个词就是 0.017：取最后 5 轮的平均，比只看最后一轮稳
    # en: one word is 0.017 on 60 test words: the mean of the last 5 epochs is steadier than the last epoch alone
    test_acc[name] = sum(accs[-5:]) / 5
    n_params = sum(p.numel() for p in model.parameters())
    print(f"{name:<11} parameters={n_params:>6}  test acc (mean of last 5 epochs)={test_acc[name]:.3f}")
    assert test_acc[name] > 0.5, test_acc
    ax.plot(range(1, 31), accs, label=f"{name} ({n_params} parameters)")
print("GRU ahead of the Transformer:", test_acc["GRU"] > test_acc["Transformer"])
ax.set(title="Word language: test accuracy per epoch", xlabel="epoch", ylabel="test accuracy")
ax.legend()
plt.show()
