from collections import Counter
from pathlib import Path

from sklearn.model_selection import train_test_split

# zh: 词表文件和本脚本放在同一个目录，每行是“单词<TAB>语言”
# en: the word list sits next to this script, one "word<TAB>language" per line
path = Path(__file__).parent / "words.txt"
pairs = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
print("words:", len(pairs), "| per language:", dict(Counter(lang for _, lang in pairs)))
for lang in ["en", "de", "it", "ja"]:
    print(lang, [w for w, l in pairs if l == lang][:6])

# zh: 先划分：75% 训练、25% 测试，按语言分层抽样
# en: split first: 75% training, 25% test, stratified by language
train_pairs, test_pairs = train_test_split(pairs, test_size=0.25, stratify=[lang for _, lang in pairs],
                                           random_state=0)

# zh: 字符表只从训练集的单词建立：0 留给填充，1 留给未知字符，真正的字符从 2 开始
# en: build the vocabulary from the training words only: 0 is padding, 1 is unknown, real characters start at 2
PAD, UNK = 0, 1
chars = sorted(set("".join(w for w, _ in train_pairs)))
char_to_idx = {c: i + 2 for i, c in enumerate(chars)}
print("characters:", len(chars), "".join(chars))

unseen = sorted({c for w, _ in test_pairs for c in w} - set(chars))
print("test characters not in the vocabulary:", unseen, "in", [w for w, _ in test_pairs if set(w) & set(unseen)])
print("città ->", [char_to_idx.get(c, UNK) for c in "città"])
lengths = [len(w) for w, _ in pairs]
print("word length: min", min(lengths), "| max", max(lengths), "| mean", round(sum(lengths) / len(lengths), 1))
