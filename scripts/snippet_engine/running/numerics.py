"""The CPU numerics a snippet runs under, and the other machines' numerics this machine can imitate.

Float32 results move in their last bits from one x86-64 CPU to another: ATen, oneDNN and MKL each pick
kernels by instruction set, and the thread count changes the order of reductions. A few epochs of
training amplify the last bit into the second printed digit. A record must hold on every such machine,
so the checker can run a snippet under another CPU's numerics on this one, and `--update` measures what
moves (`records.measure_variation`).

The knobs, as torch 2.13.0 (CPU wheel: MKL 2024.2, oneDNN 3.12) obeys them; measured on an AMD EPYC with
AVX-512 by `bench/numerics_knobs.py`, which prints which operations' bits each knob changes:

- `ATEN_CPU_CAPABILITY` (`default`, `avx2`, `avx512`): ATen's own vectorised kernels. `avx2` against
  `avx512` changed softmax here; `default` changed every operation probed, matmul and convolution included.
  Read once, when torch first dispatches; a level above what the CPU has is ignored (torch keeps the highest
  the CPU supports, so `Numerics.check_available` refuses it instead).
- `ONEDNN_MAX_CPU_ISA` (`SSE41`, `AVX2`, `AVX512_CORE`, ...): oneDNN's convolutions, forward and backward.
- `MKL_CBWR` (`COMPATIBLE`, `AVX2`, `AVX512`, ...): MKL's conditional bitwise reproducibility branch; it
  changed sgemm (matmul, `nn.Linear`), `COMPATIBLE` most.
- `MKL_ENABLE_INSTRUCTIONS` (`SSE4_2`, `AVX2`, `AVX512`): changed nothing on this AMD CPU, whose MKL
  code path is chosen by vendor, not by instruction set; it is set anyway, since on an Intel CPU it caps
  the path MKL takes.
- threads (`torch.set_num_threads` in the child): convolution weight gradients (oneDNN splits the batch
  reduction by thread). torch 2.13's own reductions (`sum`) split their work independently of the thread
  count, and gave the same bits with 1, 2 and 4 threads.
- `PYTHONHASHSEED`: the order of sets and of dicts built from them. Not numerics, but the same question:
  a record must not depend on it (see `records`).
"""

from __future__ import annotations

import getpass
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

ISA_LEVELS = ("native", "avx512", "avx2", "sse")
"""Instruction-set levels, newest first. `native` leaves every library to pick for this CPU."""

_ISA_ENV: dict[str, dict[str, str]] = {
    "avx512": {
        "ATEN_CPU_CAPABILITY": "avx512",
        "ONEDNN_MAX_CPU_ISA": "AVX512_CORE",
        "MKL_ENABLE_INSTRUCTIONS": "AVX512",
        "MKL_CBWR": "AVX512",
    },
    "avx2": {
        "ATEN_CPU_CAPABILITY": "avx2",
        "ONEDNN_MAX_CPU_ISA": "AVX2",
        "MKL_ENABLE_INSTRUCTIONS": "AVX2",
        "MKL_CBWR": "AVX2",
    },
    "sse": {
        "ATEN_CPU_CAPABILITY": "default",
        "ONEDNN_MAX_CPU_ISA": "SSE41",
        "MKL_ENABLE_INSTRUCTIONS": "SSE4_2",
        "MKL_CBWR": "COMPATIBLE",
    },
}
KNOB_VARIABLES = ("ATEN_CPU_CAPABILITY", "ONEDNN_MAX_CPU_ISA", "MKL_ENABLE_INSTRUCTIONS", "MKL_CBWR")
"""The environment variables an ISA level sets; the engine clears them for `native`, so that a knob left in
the caller's shell cannot make the reference run someone else's."""

_CPU_FLAGS = {"avx512": ("avx512f", "avx512bw", "avx512vl", "avx512dq"), "avx2": ("avx2", "fma"), "sse": ()}
"""The /proc/cpuinfo flags an ISA level needs (torch's own test for AVX512: F, BW, VL and DQ)."""


class NumericsError(ValueError):
    """A numerics specification that cannot be parsed, or that this CPU cannot run."""


@dataclass(frozen=True)
class Numerics:
    """One configuration of CPU numerics.

    Parameters:
        isa: `native`, `avx512`, `avx2` or `sse` (see `ISA_LEVELS`).
        threads: torch threads in the snippet's process.
        hash_seed: `PYTHONHASHSEED`.
    """

    isa: str = "native"
    threads: int = 1
    hash_seed: int = 0

    @property
    def is_reference(self) -> bool:
        """Whether this is the configuration records are written and pages are built under."""
        return self == REFERENCE

    def spec(self) -> str:
        """The text `parse` reads back, e.g. `isa=avx2,threads=2` (`native` for the reference)."""
        parts = []
        if self.isa != "native":
            parts.append(f"isa={self.isa}")
        if self.threads != REFERENCE.threads:
            parts.append(f"threads={self.threads}")
        if self.hash_seed != REFERENCE.hash_seed:
            parts.append(f"hash-seed={self.hash_seed}")
        return ",".join(parts) or "native"

    @property
    def timeout_factor(self) -> float:
        """How much longer than its timeout a snippet may take here: vector kernels turned off and OpenMP
        threads sharing busy cores make small training loops several times slower (23's `degradation.py`:
        5 s with one thread, up to 60 s with two on a loaded 2-core machine)."""
        return 1.0 if self.isa == "native" and self.threads == 1 else 4.0

    def environment(self) -> dict[str, str]:
        """Environment variables the workers start with (the threads are set in each child instead).

        Returns:
            `PYTHONHASHSEED`; unless `native`, the four library knobs; with several threads,
            `OMP_WAIT_POLICY=PASSIVE` (idle OpenMP threads sleep instead of spinning on cores that
            other snippets need; it changes no result); unless the reference, a TorchInductor cache folder of
            its own.
        """
        env = {"PYTHONHASHSEED": str(self.hash_seed), **_ISA_ENV.get(self.isa, {})}
        if self.threads > 1:
            env["OMP_WAIT_POLICY"] = "PASSIVE"
        if not self.is_reference:
            # TorchInductor's on-disk cache does not key its compiled kernels by ATEN_CPU_CAPABILITY: a kernel
            # compiled for AVX-512 was reused under `default` and failed to build (`at::vec` undeclared, torch
            # 2.13). Another machine has its own cache, so each imitated one gets its own folder.
            folder = "torchinductor_" + re.sub(r"[^A-Za-z0-9]+", "_", f"{getpass.getuser()}_{self.spec()}")
            env["TORCHINDUCTOR_CACHE_DIR"] = str(Path(tempfile.gettempdir()) / folder)
        return env

    def check_available(self, cpuinfo: Path = Path("/proc/cpuinfo")) -> None:
        """Refuse an ISA level this CPU lacks: torch would silently run a lower one.

        Raises:
            NumericsError: Naming the missing CPU flags.
        """
        needed = _CPU_FLAGS.get(self.isa, ())
        if not needed:
            return
        try:
            match = re.search(r"^flags\s*:(.*)$", cpuinfo.read_text(), re.MULTILINE)
        except OSError:
            return  # not Linux: trust the caller
        flags = set(match.group(1).split()) if match else set()
        missing = [flag for flag in needed if flag not in flags]
        if missing:
            raise NumericsError(f"this CPU cannot run isa={self.isa} (it lacks {', '.join(missing)})")


REFERENCE = Numerics()
"""The numerics of records and pages: this CPU's own kernels, one thread, hash seed 0."""

CHECKS = (
    Numerics(isa="sse", threads=2, hash_seed=1),
    Numerics(isa="avx2", threads=2, hash_seed=2),
    Numerics(isa="avx2", threads=4, hash_seed=3),
    Numerics(isa="sse", threads=1, hash_seed=4),
)
"""The configurations the records are checked under besides the reference: `make test` runs the training
snippets under the first (no vector kernels, another thread count and hash seed: the furthest from any
machine's own, and available on every x86-64 CPU); each CI shard runs its chapters under one of them
(`.github/workflows/publish.yml`). Their kernels do not depend on the CPU model (ATen's baseline or AVX2
kernels, oneDNN's capped JIT, MKL's CBWR branch), so a runner reproduces what `--update` measured here."""

PORTABILITY_CHECK = CHECKS[0]
"""What `make test` runs the training snippets under (see `CHECKS`)."""

MEASURED = (
    Numerics(hash_seed=1),
    Numerics(isa="avx2"),
    Numerics(isa="avx512"),
    Numerics(threads=2),
    *CHECKS,
)
"""The configurations `--update` runs each snippet under, besides the reference, to measure what moves:
each knob alone (`isa=sse` alone is `CHECKS[3]`), and every configuration a check runs under (so that a
check passes by construction on this machine, and a machine this one cannot imitate meets a band that
several configurations have widened).
`avx512` is left out on a CPU without it. The hash-seed run changes nothing but the seed: any difference
it shows is a snippet that depends on the order of a set, which no tolerance excuses; it runs first, and a
snippet it condemns is not run again."""


def parse(text: str) -> Numerics:
    """A configuration from its spec: `native`, or `key=value` items joined by commas.

    Keys: `isa` (`native`, `avx512`, `avx2`, `sse`), `threads` (1 or more), `hash-seed` (0 to 4294967295).
    Unnamed keys keep the reference's value.

    Raises:
        NumericsError: For an unknown key or value, naming it.
    """
    numerics = REFERENCE
    seen: set[str] = set()
    for item in filter(None, (part.strip() for part in text.split(","))):
        if item == "native":
            continue
        key, sep, value = item.partition("=")
        if not sep:
            raise NumericsError(f"{item!r}: expected key=value (isa=..., threads=..., hash-seed=...)")
        if key in seen:
            raise NumericsError(f"{key} given twice")
        seen.add(key)
        if key == "isa":
            if value not in ISA_LEVELS:
                raise NumericsError(f"isa must be one of {', '.join(ISA_LEVELS)}, not {value!r}")
            numerics = replace(numerics, isa=value)
        elif key in ("threads", "hash-seed"):
            try:
                number = int(value)
            except ValueError:
                raise NumericsError(f"{key} must be a whole number, not {value!r}") from None
            low, high = (1, 1024) if key == "threads" else (0, 2**32 - 1)
            if not low <= number <= high:
                raise NumericsError(f"{key} must be between {low} and {high}, not {number}")
            numerics = replace(numerics, **{"threads" if key == "threads" else "hash_seed": number})
        else:
            raise NumericsError(f"unknown numerics key {key!r} (isa, threads, hash-seed)")
    return numerics


def describe(cpu_capability: str, threads: int) -> str:
    """How a drift message names an environment, e.g. `AVX2 with 1 thread`.

    Parameters:
        cpu_capability: `torch.backends.cpu.get_cpu_capability()` as the run saw it.
        threads: torch threads of the run.
    """
    return f"{cpu_capability or 'an unknown CPU level'} with {threads} thread{'s' if threads != 1 else ''}"
