# snippet: output=device sampled=samples
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
device = torch.accelerator.current_accelerator().type if torch.accelerator.is_available() else "cpu"

path = Path(__file__).resolve().parent.parent / "25-rnn-advanced" / "words.txt"
words = [line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()]
# zh: 索引 0 是填充；“.”既表示单词开始，也表示单词结束
# en: index 0 is padding; "." marks both the start and the end of a word
PAD, alphabet = 0, "." + "".join(sorted(set("".join(words))))
stoi = {c: i + 1 for i, c in enumerate(alphabet)}
seqs = [torch.tensor([stoi[c] for c in "." + w + "."]) for w in words]
data = pad_sequence(seqs, batch_first=True, padding_value=PAD).to(device)
# zh: 输入是去掉最后一个字符的序列，目标是向左错开一位的同一序列：每个位置预测下一个字符
# en: the input drops the last character and the target is the same sequence shifted left: predict the next character
inputs, targets = data[:, :-1], data[:, 1:]


class CharTransformer(nn.Module):
    def __init__(self, vocab_size, d=48, max_len=16):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, d)
        angles = torch.arange(max_len).unsqueeze(1) * 10000 ** (-torch.arange(0, d, 2) / d)
        self.register_buffer("pe", torch.stack([angles.sin(), angles.cos()], dim=-1).flatten(1))
        layer = nn.TransformerEncoderLayer(d, nhead=4, dim_feedforward=96, dropout=0.0, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
        self.head = nn.Linear(d, vocab_size)

    def forward(self, x):
        # zh: 因果掩码让位置 i 只看到 0..i：模型“只有编码器”，用起来却像 GPT 那样的解码器
        # en: the causal mask lets position i see only 0..i: an encoder stack that works like a GPT-style decoder
        mask = nn.Transformer.generate_square_subsequent_mask(x.size(1), device=x.device)
        return self.head(self.encoder(self.embedding(x) + self.pe[: x.size(1)], mask=mask, is_causal=True))


model = CharTransformer(len(alphabet) + 1).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
for _ in range(40):
    total = 0.0
    for idx in torch.randperm(len(words)).split(32):
        logits = model(inputs[idx])
        # zh: 填充位置的目标不计入损失
        # en: padded targets do not count in the loss
        loss = F.cross_entropy(logits.flatten(0, 1), targets[idx].flatten(), ignore_index=PAD)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(idx)
uniform = torch.log(torch.tensor(len(alphabet))).item()
print(f"alphabet: {len(alphabet) - 1} letters + '.' | last epoch loss {total / len(words):.2f}"
      f" | a uniform guess: ln({len(alphabet)}) = {uniform:.2f}")
print("last epoch loss below half of a uniform guess:", total / len(words) < uniform / 2)

# zh: 生成：从“.”开始，每一步按模型给出的概率抽下一个字符，直到再次抽到“.”
# en: generate: start from ".", sample the next character from the model's probabilities until "." comes again
gen = torch.Generator().manual_seed(0)
samples = []
model.eval()
with torch.no_grad():
    for _ in range(12):
        x = torch.tensor([[stoi["."]]], device=device)
        while x.size(1) < 16:
            probs = model(x)[0, -1].softmax(-1).cpu()
            probs[PAD] = 0
            nxt = torch.multinomial(probs, 1, generator=gen).item()
            if alphabet[nxt - 1] == ".":
                break
            x = torch.cat([x, torch.tensor([[nxt]], device=device)], dim=1)
        samples.append("".join(alphabet[i - 1] for i in x[0, 1:].tolist()))
print("samples:", samples)
in_alphabet = all(set(w) <= set(alphabet[1:]) for w in samples)
known = [w for w in samples if w in set(words)]
print("made of the alphabet:", in_alphabet)
print("samples found in words.txt:", known)
assert in_alphabet
