"""Sharding the check (`--shard K/N`) and merging the shards' caches (`--cache-dir`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from minirepo import PAGE, make_repo
from snippet_engine.course.shard import Durations, assign, parse_shard, shard_snippets, units

EMBEDS = {
    "01-a.zh.ipynb": ["01-a/x.py", "01-a/y.py"],
    "01-a.en.ipynb": ["01-a/x.py", "01-a/y.py"],
    "02-b.zh.ipynb": ["02-b/z.py"],
    "03-c.zh.ipynb": ["03-c/w.py", "04-d/v.py"],  # a page that embeds two chapters' snippets
}
SNIPPETS = ["01-a/x.py", "01-a/y.py", "02-b/z.py", "03-c/w.py", "04-d/v.py", "05-e/u.py"]


@pytest.mark.parametrize("text", ["0/2", "3/2", "1", "a/b", "1/0", "", "1/30000000", "1/99999999999999999999"])
def test_a_bad_shard_is_refused(text):
    with pytest.raises(ValueError, match=r"K/N|at most 256"):
        parse_shard(text)


def test_chapters_linked_by_a_page_share_a_unit_with_their_notebooks():
    found = {unit.chapters: unit for unit in units(SNIPPETS, EMBEDS, Durations({}, {}))}
    assert set(found) == {("01-a",), ("02-b",), ("03-c", "04-d"), ("05-e",)}
    assert found[("01-a",)].notebooks == ("01-a.en.ipynb", "01-a.zh.ipynb")
    assert found[("03-c", "04-d")].snippets == ("03-c/w.py", "04-d/v.py")


def test_shards_are_disjoint_cover_the_selection_and_are_balanced_longest_first():
    durations = Durations({name: seconds for name, seconds in zip(SNIPPETS, [9, 1, 5, 2, 2, 4], strict=True)}, {})
    parts = [shard_snippets(SNIPPETS, EMBEDS, durations, k, 3, notebooks=False) for k in (1, 2, 3)]
    chosen = [names for names, _ in parts]
    assert sorted(name for names in chosen for name in names) == sorted(SNIPPETS)
    assert all(not set(a) & set(b) for i, a in enumerate(chosen) for b in chosen[i + 1 :])
    # LPT: 01-a (10 s) to shard 1, 02-b (5 s) to 2, 03-c+04-d (4 s) to 3, then 05-e (4 s) to the least loaded, 3.
    assert chosen == [["01-a/x.py", "01-a/y.py"], ["02-b/z.py"], ["03-c/w.py", "04-d/v.py", "05-e/u.py"]]
    assert parts[0][1] == [10, 5, 8]
    # Every machine of a matrix computes the same split.
    assert [shard_snippets(SNIPPETS, EMBEDS, durations, 2, 3, notebooks=False)[0]] == [chosen[1]]


def test_unrecorded_items_count_as_the_median_and_more_shards_than_units_leave_some_empty():
    durations = Durations({"01-a/x.py": 3.0, "01-a/y.py": 3.0, "02-b/z.py": 1.0}, {"01-a.zh.ipynb": 10.0})
    found = {unit.chapters: unit.seconds for unit in units(SNIPPETS, EMBEDS, durations)}
    assert found[("05-e",)] == 3.0  # no record: the median snippet
    assert found[("01-a",)] == 3 + 3 + 10 + 10  # the en notebook has no record: the median notebook
    shards = assign(units(SNIPPETS[:2], EMBEDS, durations), 3)
    assert [len(shard) for shard in shards] == [1, 0, 0]


def test_durations_round_trip_and_a_broken_file_names_itself(tmp_path):
    (tmp_path / "snippets").mkdir()
    Durations({"a/b.py": 1.23401}, {"a.zh.ipynb": 5.06}).save(tmp_path)
    assert Durations.load(tmp_path) == Durations({"a/b.py": 1.234}, {"a.zh.ipynb": 5.06})
    (tmp_path / "snippets" / "durations.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError, match=r"snippets/durations\.json"):
        Durations.load(tmp_path)


def _course(root):
    """Two chapters, each a page pair with one snippet (so two notebooks each)."""
    repo = make_repo(root, "print('one')\n", name="one.py")
    (repo / "snippets" / "ch" / "one.out").write_text("one\n", encoding="utf-8")
    (repo / "snippets" / "ch2").mkdir()
    (repo / "snippets" / "ch2" / "two.py").write_text("print(2 * 21)\n", encoding="utf-8")
    (repo / "snippets" / "ch2" / "two.out").write_text("42\n", encoding="utf-8")
    for locale, text in PAGE.items():
        (repo / "docs" / f"ch2.{locale}.md").write_text(
            text.format(name="two.py").replace("ch/two.py", "ch2/two.py"), encoding="utf-8"
        )
    return repo


def _check(repo, *args):
    done = subprocess.run(
        [sys.executable, "scripts/check_snippets.py", "--jobs", "1", *map(str, args)],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


def test_two_shards_into_separate_caches_merge_into_one_that_runs_nothing_again(tmp_path):
    repo = _course(tmp_path / "repo")
    caches = [tmp_path / "cache-1", tmp_path / "cache-2"]
    reports = []
    for k, cache in enumerate(caches, start=1):
        report = tmp_path / f"shard-{k}.json"
        done = _check(repo, "--shard", f"{k}/2", "--cache-dir", cache, "--json", report)
        assert f"shard {k}/2: 1 of 2 snippets" in done.stdout
        reports.append(json.loads(report.read_text(encoding="utf-8")))
    ran = [{item["path"] for item in report["snippets"]} for report in reports]
    assert ran[0].isdisjoint(ran[1]) and ran[0] | ran[1] == {"snippets/ch/one.py", "snippets/ch2/two.py"}
    assert all(not item["cached"] for report in reports for item in report["snippets"])
    assert [len(report["notebooks"]) for report in reports] == [2, 2]  # each chapter's two notebooks, in its shard
    assert not (repo / ".cache" / "snippets").exists()  # the shards wrote only to their --cache-dir

    merged = tmp_path / "merged"
    for cache in caches:
        shutil.copytree(cache, merged, dirs_exist_ok=True)
    report = tmp_path / "full.json"
    _check(repo, "--cache-dir", merged, "--json", report)
    full = json.loads(report.read_text(encoding="utf-8"))
    assert len(full["snippets"]) == 2 and all(item["cached"] for item in full["snippets"]), full["snippets"]
    assert len(full["notebooks"]) == 4 and all(item["cached"] for item in full["notebooks"]), full["notebooks"]
