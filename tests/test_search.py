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


def test_only_the_lunr_files_the_indexes_ask_for_stay(tmp_path):
    import json
    from types import SimpleNamespace

    from snippet_engine.site.search_index import drop_unused_search_languages

    lunr = tmp_path / "assets" / "javascripts" / "lunr"
    (lunr / "min").mkdir(parents=True)
    for name in (
        "tinyseg.js",
        "wordcut.js",
        *(f"min/lunr.{x}.min.js" for x in ("zh", "ja", "de", "multi", "stemmer.support")),
    ):
        (lunr / name).write_text("//")
    for folder in ("search", "en/search"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "search_index.json").write_text(json.dumps({"config": {"lang": ["zh", "en"]}, "docs": []}))
    removed = drop_unused_search_languages(SimpleNamespace(site_dir=str(tmp_path)))
    kept = sorted(path.relative_to(lunr).as_posix() for path in lunr.rglob("*.js"))
    assert kept == ["min/lunr.multi.min.js", "min/lunr.stemmer.support.min.js", "min/lunr.zh.min.js"]
    assert "assets/javascripts/lunr/wordcut.js" in removed and len(removed) == 4
