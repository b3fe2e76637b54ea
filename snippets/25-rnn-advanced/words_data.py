from collections import Counter
from pathlib import Path

import torch

torch.manual_seed(0)

# zh: 词表文件和本脚本放在同一个目录，每行是 "单词<TAB>语言"
# en: the word list sits next to this script, one "word<TAB>language" per line
path = Path(__file__).parent / "words.txt"
pairs = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
words = [w for w, _ in pairs]
labels = [lang for _, lang in pairs]
print("words:", len(words), "| per language:", dict(Counter(labels)))
for lang in ["en", "de", "it", "ja"]:
    print(lang, [w for w, l in pairs if l == lang][:6])

# zh: 字符表：索引 0 留给填充符号，真正的字符从 1 开始
# en: the character vocabulary: index 0 is kept for padding, real characters start at 1
chars = sorted(set("".join(words)))
char_to_idx = {c: i + 1 for i, c in enumerate(chars)}
print("characters:", len(chars), "".join(chars))
lengths = torch.tensor([len(w) for w in words])
print("word length: min", lengths.min().item(), "| max", lengths.max().item(),
      "| mean", round(lengths.float().mean().item(), 1))
