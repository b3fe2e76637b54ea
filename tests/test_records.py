"""Record information: the recording environment, and the numbers that vary, measured and then allowed."""

import json

import pytest

from snippet_engine.running.expected import outputs_match, within
from snippet_engine.running.numerics import Numerics
from snippet_engine.running.records import (
    NotPortable,
    RecordInfo,
    digits_vary,
    load_info,
    measure_variation,
    save_infos,
)

RECORD = "plain, 21 layers  loss 0.19\nresidual, 21 layers  loss 0.05\nplain > 2 x the others: True\n"
SSE, TWO_THREADS, HASH = Numerics(isa="sse"), Numerics(threads=2), Numerics(hash_seed=1)


def test_measurement_finds_the_numbers_that_move_and_only_those():
    runs = {
        SSE: "plain, 21 layers  loss 0.35\nresidual, 21 layers  loss 0.05\nplain > 2 x the others: True\n",
        TWO_THREADS: "plain, 21 layers  loss 0.29\nresidual, 21 layers  loss 0.07\nplain > 2 x the others: True\n",
        HASH: RECORD,
    }
    varies = measure_variation(RECORD, runs)
    # "21" never moved; the losses did, over these ranges. The conclusion line has nothing that moves.
    assert varies == {(1, 2): (0.19, 0.35), (2, 2): (0.05, 0.07)}


def test_a_conclusion_that_flips_is_not_portable():
    flipped = RECORD.replace("True", "False")
    with pytest.raises(NotPortable, match=r"line 3 changes its words under isa=sse: .*True.* -> .*False"):
        measure_variation(RECORD, {SSE: flipped})


def test_another_number_of_lines_is_not_portable():
    with pytest.raises(NotPortable, match="threads=2 prints 2 lines where the record has 3"):
        measure_variation(RECORD, {TWO_THREADS: "a 1\nb 2\n"})


def test_any_change_under_another_hash_seed_alone_is_not_portable():
    # A number that a different set order moves is no rounding: no band excuses it.
    reordered = RECORD.replace("0.05", "0.0500001")
    with pytest.raises(NotPortable, match="line 2 of the output changes with the hash seed alone"):
        measure_variation(RECORD, {HASH: reordered})


def test_sampled_lines_may_change_their_words_but_nothing_else_may():
    record = "samples: ['aple', 'mori']\nmade of the alphabet: True\n"
    other = "samples: ['kitcho', 'foresta']\nmade of the alphabet: True\n"
    assert measure_variation(record, {SSE: other}, sampled=("samples:",)) == {}
    assert outputs_match(other, record, sampled=("samples:",))
    assert not outputs_match(other.replace("True", "False"), record, sampled=("samples:",))
    with pytest.raises(NotPortable):
        measure_variation(record, {SSE: other})


def test_a_varying_number_is_held_to_its_band_widened_by_its_own_width():
    assert within(0.19, (0.19, 0.35)) and within(0.45, (0.19, 0.35)) and within(0.04, (0.19, 0.35))
    assert not within(0.6, (0.19, 0.35)) and not within(-0.1, (0.19, 0.35))
    assert not within(float("nan"), (0.19, 0.35))
    varies = {(1, 2): (0.19, 0.35)}
    assert outputs_match(RECORD.replace("0.19", "0.42"), RECORD, varies=varies)
    assert not outputs_match(RECORD.replace("0.19", "0.9"), RECORD, varies=varies)
    # Only the declared number varies: the next line's loss is still compared within the usual tolerance.
    assert not outputs_match(RECORD.replace("0.05", "0.07"), RECORD, varies=varies)


def test_records_file_round_trips_one_line_per_snippet(tmp_path):
    chapter = tmp_path / "ch"
    chapter.mkdir()
    for name in ("a.py", "b.py"):
        (chapter / name).write_text("print(1)\n")
    info = RecordInfo({"torch": "2.13.0", "cpu": "AVX2", "threads": 1, "hash_seed": 0}, {(1, 2): (0.19, 0.35)})
    save_infos(chapter, {"a.py": info, "b.py": RecordInfo({"torch": "2.13.0", "cpu": "AVX2", "threads": 1})})
    text = (chapter / "records.json").read_text()
    assert len(text.splitlines()) == 4 and '"varies": {"1:2": [0.19, 0.35]}' in text
    assert json.loads(text)["b.py"] == {"recorded": {"torch": "2.13.0", "cpu": "AVX2", "threads": 1}}
    assert load_info(chapter / "a.py") == info
    assert info.environment() == "AVX2 with 1 thread (torch 2.13.0)"
    assert digits_vary(chapter / "a.py") and not digits_vary(chapter / "b.py")
    (chapter / "b.py").unlink()  # a deleted snippet's entry goes with the next save
    save_infos(chapter, {"a.py": info})
    assert list(json.loads((chapter / "records.json").read_text())) == ["a.py"]


def test_a_broken_records_file_names_itself(tmp_path):
    (tmp_path / "records.json").write_text("{\n  oops\n}\n")
    with pytest.raises(ValueError, match=r"records.json:2: not valid JSON"):
        load_info(tmp_path / "a.py")


def test_a_malformed_entry_names_file_line_and_what_to_do(tmp_path):
    (tmp_path / "records.json").write_text('{\n "a.py": {"recorded": {}, "varies": {"x:y": [0, 1]}}\n}\n')
    with pytest.raises(ValueError, match=r"records.json:2: the entry of a.py is malformed .* run --update"):
        load_info(tmp_path / "a.py")
    (tmp_path / "records.json").write_text('{"a.py": {"varies": {"1:1": 3}}}')
    with pytest.raises(ValueError, match=r"the entry of a\.py is malformed"):
        load_info(tmp_path / "a.py")


def test_a_drift_names_the_number_that_left_its_range_and_what_was_allowed():
    from snippet_engine.running.expected import explain_mismatch

    varies = {(1, 2): (0.19, 0.2)}
    lines = explain_mismatch(RECORD.replace("0.19", "0.17").replace("0.05", "0.09"), RECORD, varies)
    assert lines == [
        "line 1, number 2: 0.17, outside the range measured for it, [0.19, 0.2] (allowed 0.18 to 0.21)",
        "line 2, number 2: 0.09 where the record has 0.05",
    ]
    assert explain_mismatch(RECORD, RECORD, varies) == []
