"""The on-disk memo of pure computations (page embeds, snippet checks, search entries): a hit only for the
very same inputs and code, never a stale one."""

import json

from minirepo import make_repo
from snippet_engine.course.project import Project
from snippet_engine.running.memo import Memo, code_fingerprint


def test_key_depends_on_every_input_and_their_boundaries(tmp_path):
    memo = Memo(tmp_path, "code-1")
    assert memo.key("ab", "c") != memo.key("a", "bc")
    assert memo.key("a", "b") != memo.key("b", "a")
    assert memo.key("a") == memo.key(b"a")
    assert Memo(tmp_path, "code-2").key("a") != memo.key("a")


def test_round_trip_and_corrupt_entry_is_a_removed_miss(tmp_path):
    memo = Memo(tmp_path, "code")
    key = memo.key("page text")
    assert memo.get(key) is None and memo.misses == 1
    memo.put(key, {"embeds": [["ch/a.py", 3, 5, {}, None]], "problems": []})
    assert memo.get(key) == {"embeds": [["ch/a.py", 3, 5, {}, None]], "problems": []} and memo.hits == 1
    (path,) = tmp_path.rglob("*.json")
    path.write_text('{"value": [1, 2', encoding="utf-8")  # a write cut short (not possible with write_atomic)
    assert memo.get(key) is None and not path.exists()
    assert not list(tmp_path.rglob("*.tmp"))


def test_fingerprint_changes_with_named_files_and_versions(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: a\n")
    before = code_fingerprint(packages=("Markdown",), files=(config,))
    assert code_fingerprint(packages=("Markdown",), files=(config,)) == before
    config.write_text("site_name: b\n")
    assert code_fingerprint(packages=("Markdown",), files=(config,)) != before
    assert code_fingerprint(packages=("Markdown", "no-such-package"), files=(config,)) != code_fingerprint(
        packages=("Markdown",), files=(config,)
    )


def test_fingerprint_is_the_loaded_engine_code(tmp_path, monkeypatch):
    """An engine edited on disk after the process loaded it (under `mkdocs serve`) does not change the
    fingerprint: entries the running (old) code computes must not be stored under the new code's key."""
    import snippet_engine.running.memo as memo_module

    engine_copy = tmp_path / "engine"
    engine_copy.mkdir()
    for module in memo_module.ENGINE_DIR.rglob("*.py"):
        copy = engine_copy / module.relative_to(memo_module.ENGINE_DIR)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(module.read_bytes())
    monkeypatch.setattr(memo_module, "ENGINE_DIR", engine_copy)
    monkeypatch.setattr(memo_module, "_LOADED_ENGINE", memo_module._engine_digest(engine_copy))
    before = code_fingerprint()
    assert not memo_module.engine_changed()
    render = engine_copy / "output" / "render.py"
    render.write_text(render.read_text() + "\n# changed\n")
    assert code_fingerprint() == before
    assert memo_module.engine_changed()
    # A new process (a build, or `mkdocs serve` restarted) loads the new code: another fingerprint.
    monkeypatch.setattr(memo_module, "_LOADED_ENGINE", memo_module._engine_digest(engine_copy))
    assert code_fingerprint() != before


def test_project_memoises_embeds_and_snippet_checks_and_sees_every_edit(tmp_path):
    root = make_repo(tmp_path)
    first = Project(root)
    assert [str(f) for f in first.check()] == []
    assert first.embeds_memo.misses > 0  # (the two index pages have the same text: one key)

    second = Project(root)
    assert [str(f) for f in second.check()] == []
    assert second.embeds_memo.misses == 0 and second.embeds_memo.hits > 0
    assert second.snippet_memo.misses == 0 and second.snippet_memo.hits == 1

    # Each kind of edit is seen: the page's fence, the snippet's comments, mkdocs.yml.
    page = root / "docs" / "ch.zh.md"
    page.write_text(page.read_text().replace("```snippet\nch/hello.py", '```snippet title="t"\nch/hello.py'))
    project = Project(root)
    (embed,) = project.embeds(next(p for p in project.pages() if p.path == page))
    assert embed.title == "t"
    snippet = root / "snippets" / "ch" / "hello.py"
    snippet.write_text("# zh: 只有中文\n" + snippet.read_text())
    assert [f.line for f in Project(root).check() if f.path == "snippets/ch/hello.py"] == [1]
    config = root / "mkdocs.yml"
    before = Project(root)._memo_fingerprint
    config.write_text(config.read_text() + "\n# edited\n")
    after = Project(root)
    after.check()
    assert after._memo_fingerprint != before
    # Another configuration: nothing computed under the old one is reused. The one hit is the en index page,
    # whose text is the zh one's, computed a moment before.
    assert after.embeds_memo.hits == 1 and after.snippet_memo.hits == 0


def test_memo_entries_are_plain_json(tmp_path):
    root = make_repo(tmp_path)
    Project(root).check()
    for path in (root / ".cache" / "memo").rglob("*.json"):
        assert "value" in json.loads(path.read_text(encoding="utf-8"))
