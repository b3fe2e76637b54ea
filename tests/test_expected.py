"""Comparison with the recorded `.out` files."""

from snippet_engine.running.expected import output_diff, outputs_match


def test_numbers_within_tolerance_match():
    assert outputs_match("loss: 0.12345\ntensor([1.0000, 2.0001])", "loss: 0.12349\ntensor([1.0000, 2.0000])")


def test_number_drift_beyond_tolerance_fails():
    assert not outputs_match("w: 2.10", "w: 2.00")
    assert not outputs_match("count: 11", "count: 10")


def test_text_must_match_exactly():
    assert not outputs_match("dtype: torch.float64", "dtype: torch.float32")
    assert not outputs_match("a\nb", "a")


def test_trailing_whitespace_and_final_newlines_are_ignored():
    assert outputs_match("a  \nb\n\n", "a\nb")


def test_nan_and_inf():
    assert outputs_match("tensor([nan, -inf])", "tensor([nan, -inf])")
    assert not outputs_match("tensor([nan])", "tensor([1.])")


def test_column_padding_may_move_with_the_numbers():
    assert outputs_match("n = 512:    3.904 ms", "n = 512:   25.426 ms", "varies")
    assert outputs_match("tensor([ 1.0000, -2.0000])", "tensor([1.0000, -2.0000])")
    assert not outputs_match("a b", "ab")


def test_varies_mode_masks_numbers_but_not_text():
    assert outputs_match("took 12.3 ms", "took 0.8 ms", "varies")
    assert not outputs_match("took 12.3 s", "took 0.8 ms", "varies")


def test_diff_shows_both_sides():
    diff = output_diff("w: 2.10\n", "w: 2.00\n", "snippets/a/b.out")
    assert "-w: 2.00" in diff and "+w: 2.10" in diff and "snippets/a/b.out (recorded)" in diff
