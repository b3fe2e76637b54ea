#!/usr/bin/env python3
"""Which kernels each numerics knob changes, on this machine: the evidence behind `snippet_engine/running/numerics.py`.

For each setting of torch's `ATEN_CPU_CAPABILITY`, oneDNN's `ONEDNN_MAX_CPU_ISA`, MKL's `MKL_ENABLE_INSTRUCTIONS`
and `MKL_CBWR`, and the thread count, a fresh Python computes a few float32 operations from the same seeded
inputs; the table marks each operation whose bits differ from the machine's own settings (one thread).

Usage: `python bench/numerics_knobs.py` (about 30 s). Prints a Markdown table.
"""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import hashlib, json, sys, torch
torch.set_num_threads(int(sys.argv[1]))
torch.manual_seed(0)
x = torch.randn(512, 512)
w = torch.randn(333, 777)
conv = torch.nn.Conv2d(32, 64, 3)
image = torch.randn(8, 32, 32, 32)
lin = torch.nn.Linear(777, 10)
def digest(t):
    return hashlib.sha256(t.detach().contiguous().numpy().tobytes()).hexdigest()[:12]
print(json.dumps({
    "capability": torch.backends.cpu.get_cpu_capability(),
    "sum": digest(x.sum(0)),
    "sum_all": digest(torch.randn(1_000_000).sum()),
    "softmax": digest(x.softmax(-1)),
    "tanh": digest(x.tanh()),
    "matmul": digest(w @ torch.randn(777, 129)),
    "linear": digest(lin(w)),
    "conv2d": digest(conv(image)),
    "conv2d_grad": digest(torch.autograd.grad(conv(image).square().sum(), conv.weight)[0]),
    "matmul_big": digest(torch.randn(1024, 1024) @ torch.randn(1024, 1024)),
}))
"""

SETTINGS = [
    ("ATEN_CPU_CAPABILITY=avx512", {"ATEN_CPU_CAPABILITY": "avx512"}, 1),
    ("ATEN_CPU_CAPABILITY=avx2", {"ATEN_CPU_CAPABILITY": "avx2"}, 1),
    ("ATEN_CPU_CAPABILITY=default", {"ATEN_CPU_CAPABILITY": "default"}, 1),
    ("ONEDNN_MAX_CPU_ISA=AVX2", {"ONEDNN_MAX_CPU_ISA": "AVX2"}, 1),
    ("ONEDNN_MAX_CPU_ISA=SSE41", {"ONEDNN_MAX_CPU_ISA": "SSE41"}, 1),
    ("MKL_ENABLE_INSTRUCTIONS=AVX2", {"MKL_ENABLE_INSTRUCTIONS": "AVX2"}, 1),
    ("MKL_ENABLE_INSTRUCTIONS=SSE4_2", {"MKL_ENABLE_INSTRUCTIONS": "SSE4_2"}, 1),
    ("MKL_CBWR=AVX2", {"MKL_CBWR": "AVX2"}, 1),
    ("MKL_CBWR=COMPATIBLE", {"MKL_CBWR": "COMPATIBLE"}, 1),
    ("2 threads", {}, 2),
    ("4 threads", {}, 4),
]
KNOBS = ("ATEN_CPU_CAPABILITY", "ONEDNN_MAX_CPU_ISA", "MKL_ENABLE_INSTRUCTIONS", "MKL_CBWR")


def run(env: dict[str, str], threads: int) -> dict[str, str]:
    """The probe's digests under `env` (on top of this environment without any knob) and `threads`."""
    import json

    base = {name: value for name, value in os.environ.items() if name not in KNOBS}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(threads)], env={**base, **env}, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def main() -> int:
    native = run({}, 1)
    operations = [name for name in native if name != "capability"]
    print(f"torch's own capability here: {native['capability']}; x = bits differ from it (1 thread, no knob)\n")
    print("| setting | torch reports | " + " | ".join(operations) + " |")
    print("|---|---|" + "---|" * len(operations))
    for label, env, threads in SETTINGS:
        other = run(env, threads)
        marks = ["x" if other[name] != native[name] else "" for name in operations]
        print(f"| {label} | {other['capability']} | " + " | ".join(marks) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
