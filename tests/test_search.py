"""Chinese search: jieba keeps the course's terms whole, so searching a term finds it."""

import jieba
from mkdocs.utils.yaml import yaml_load

from conftest import REPO_ROOT

USER_DICT = REPO_ROOT / "data" / "jieba_userdict.txt"


def test_site_search_uses_the_user_dictionary():
    config = yaml_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    (search,) = [p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p]
    assert search["lang"] == "zh"
    assert (REPO_ROOT / search["jieba_dict_user"]).resolve() == USER_DICT


def test_user_dictionary_keeps_terms_whole():
    terms = [line.split()[0] for line in USER_DICT.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert {"张量", "反向传播", "学习率"} <= set(terms)
    plain = jieba.Tokenizer()
    split_without = [t for t in terms if t not in plain.lcut_for_search(f"我们用{t}来说明")]
    assert "反向传播" in split_without and "学习率" in split_without  # the dictionary is needed
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(USER_DICT))
    for term in terms:
        assert term in tokenizer.lcut_for_search(f"我们用{term}来说明"), term
