"""Every example can be downloaded: the snippet's `.py` as in the repository, and the data files it reads."""

import shutil
import subprocess
import sys

from conftest import REPO_ROOT, parse_html
from minirepo import PAGE, make_repo

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "snippets"
PAGES = {"zh": "ch/index.html", "en": "en/ch/index.html"}
TEXTS = {
    "zh": ("下载 reads_data.py", "下载数据文件 words.txt", "下载 hello.py"),
    "en": ("Download reads_data.py", "Download data file words.txt", "Download hello.py"),
}


def test_each_snippet_links_its_file_and_its_data_files_for_both_languages(tmp_path):
    repo = make_repo(tmp_path / "repo")  # hello.py reads nothing
    chapter = repo / "snippets" / "ch"
    shutil.copy(FIXTURES / "reads_data.py", chapter / "reads_data.py")
    shutil.copy(FIXTURES / "words.txt", chapter / "words.txt")
    (chapter / "reads_data.out").write_text("3 words\n", encoding="utf-8")
    for locale, text in PAGE.items():
        page = text.format(name="hello.py") + "\n```snippet\nch/reads_data.py\n```\n"
        (repo / "docs" / f"ch.{locale}.md").write_text(page, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=repo, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    site = repo / "site"

    served = site / "snippets" / "ch"
    assert (served / "reads_data.py").read_bytes() == (chapter / "reads_data.py").read_bytes()
    assert (served / "hello.py").read_bytes() == (chapter / "hello.py").read_bytes()
    assert (served / "words.txt").read_bytes() == (chapter / "words.txt").read_bytes()
    assert not (served / "reads_data.out").exists()

    for locale, rel in PAGES.items():
        blocks = parse_html(site / rel).css("p.snippet-downloads")
        assert len(blocks) == 2, f"{locale}: {[block.html for block in blocks]}"
        hello, reads = (
            [
                (a.attributes["href"], a.attributes["href"].rsplit("/", 1)[-1], a.attributes["title"], a.text())
                for a in block.css("a")
                if "download" in a.attributes
            ]
            for block in blocks
        )
        script_text, data_text, hello_text = TEXTS[locale]
        # The snippet that reads nothing offers its .py alone.
        assert [(name, text) for _, name, _, text in hello] == [("hello.py", hello_text)], hello
        assert [(name, text) for _, name, _, text in reads] == [
            ("reads_data.py", script_text),
            ("words.txt", data_text),
        ], reads
        # The title says the file is the repository's, both languages' comments included.
        assert ("中英文注释" if locale == "zh" else "both languages' comments") in reads[0][2].replace("&#x27;", "'")
        for href, name, _, _ in hello + reads:
            # Relative to the page (en pages sit one folder deeper), landing on the built file.
            assert not href.startswith(("/", "http")), href
            assert (site / rel).parent.joinpath(href).resolve() == (served / name).resolve(), (locale, href)
        assert reads[0][0] == ("../snippets/ch/reads_data.py" if locale == "zh" else "../../snippets/ch/reads_data.py")


def test_a_file_read_from_elsewhere_in_the_repository_is_offered_with_where_it_goes(tmp_path):
    # Like chapter 1's bundled CJK font: read from `fonts/`, two folders up from the script.
    repo = make_repo(
        tmp_path / "repo",
        'from pathlib import Path\n\nfont = Path(__file__).resolve().parents[2] / "fonts" / "f.otf"\n'
        "print(len(font.read_bytes()))\n",
        name="font.py",
    )
    (repo / "fonts").mkdir(exist_ok=True)
    (repo / "fonts" / "f.otf").write_bytes(b"OTTO" + bytes(60))
    (repo / "snippets" / "ch" / "font.out").write_text("64\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=repo, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    site = repo / "site"
    assert (site / "fonts" / "f.otf").read_bytes() == (repo / "fonts" / "f.otf").read_bytes()
    for locale, rel in PAGES.items():
        (block,) = parse_html(site / rel).css("p.snippet-downloads")
        links = {a.attributes["href"].rsplit("/", 1)[-1]: a for a in block.css("a") if "download" in a.attributes}
        assert set(links) == {"font.py", "f.otf"}, locale
        title = links["f.otf"].attributes["title"]
        assert "../../fonts/f.otf" in title, title
        assert "../../fonts/" in links["f.otf"].text(), links["f.otf"].text()  # visible, not only on hover
        assert (site / rel).parent.joinpath(links["f.otf"].attributes["href"]).resolve() == (site / "fonts" / "f.otf")
