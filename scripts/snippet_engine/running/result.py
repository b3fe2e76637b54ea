"""Plain data produced by running a snippet."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from snippet_engine.running.numerics import describe


@dataclass(frozen=True)
class Figure:
    """One captured chart.

    Parameters:
        png_base64: PNG bytes (rendered at 2x), base64-encoded.
        width: Display width in CSS pixels.
        height: Display height in CSS pixels.
        title: The figure's own title (`fig.suptitle`), "" if none.
        axes: Per subplot, its (heading, x label, y label), "" where unset: what the chart shows, for its
            alt text. The heading joins with ", " the titles of the subfigures around it and its own
            titles (left, centre, right); see `figures.describe`.
        line: The snippet line whose `plt.show()` captured it.
    """

    png_base64: str
    width: int
    height: int
    title: str = ""
    axes: tuple[tuple[str, str, str], ...] = ()
    line: int = 0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figure:
        """A figure from its JSON form (a worker's report or a cache entry): lists become tuples."""
        return cls(**{**data, "axes": tuple(tuple(labels) for labels in data.get("axes", ()))})

    @property
    def titled(self) -> bool:
        """Whether the chart says what it shows: a title drawn on the figure, a subfigure or a subplot."""
        return bool(self.title or any(title for title, _, _ in self.axes))


@dataclass(frozen=True)
class Problem:
    """Something that makes a run fail, located in the snippet.

    Parameters:
        kind: `exception`, `exit-status`, `timeout`, `output`, `crash`, `warning`, `network`,
            `repository-write`, `unclosed-figure`, `global-state`, `expectation` or `engine`.
        message: What happened, one line.
        line: Line in the snippet file it points to (0 when unknown).
    """

    kind: str
    message: str
    line: int = 0


@dataclass
class SnippetResult:
    """Everything one run of a snippet produced.

    Parameters:
        path: Snippet path relative to the repository root (posix).
        output: stdout and stderr, interleaved in the order they were written, as a terminal shows
            them (see `terminal.render_terminal`).
        output_bytes: Bytes the snippet printed, before terminal rendering.
        truncated: True when `output` holds only the start of a longer output.
        figures: Charts captured at `plt.show()`.
        problems: Why the run failed; empty for a successful run.
        duration: Seconds the snippet itself ran.
        device: Accelerator type seen by the run (`cpu`, `cuda`, `mps`, ...).
        exit_code: Process exit status, or -signal for a child killed by a signal.
        traceback: Python traceback text when the snippet raised.
        reads: Repository files the snippet opened, with their sha256 (cache dependencies).
        cpu_capability: The instruction set torch's kernels used (`torch.backends.cpu.get_cpu_capability()`,
            e.g. `AVX512`), "" when unknown.
        threads: torch threads the run had.
        cached: True when the result came from the cache (not stored).
    """

    path: str
    output: str = ""
    output_bytes: int = 0
    truncated: bool = False
    figures: list[Figure] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duration: float = 0.0
    device: str = "cpu"
    exit_code: int = 0
    traceback: str = ""
    reads: dict[str, str] = field(default_factory=dict)
    cpu_capability: str = ""
    threads: int = 1
    cached: bool = False

    @property
    def ok(self) -> bool:
        """True when the run has no problems."""
        return not self.problems

    @property
    def environment(self) -> str:
        """The run's numerics in words, e.g. `AVX2 with 1 thread` (see `numerics.describe`)."""
        return describe(self.cpu_capability, self.threads)

    def error_lines(self) -> list[str]:
        """One `path:line: kind: message` line per problem."""
        return [f"{self.path}:{p.line}: {p.kind}: {p.message}" for p in self.problems]

    def to_json(self) -> dict[str, Any]:
        """Serialise for the cache (without the `cached` flag)."""
        data = asdict(self)
        data.pop("cached")
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], *, cached: bool = False) -> SnippetResult:
        """Inverse of `to_json`."""
        fields = dict(data)
        fields["figures"] = [Figure.from_json(f) for f in fields.get("figures", [])]
        fields["problems"] = [Problem(**p) for p in fields.get("problems", [])]
        return cls(**fields, cached=cached)
