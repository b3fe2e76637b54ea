"""Other CPUs' numerics imitated on this one: the specification, the environment, and that each knob bites."""

import subprocess
import sys

import pytest

from snippet_engine.running import numerics
from snippet_engine.running.numerics import Numerics, NumericsError, parse

PROBE = """
import hashlib, torch
torch.set_num_threads(1)
torch.manual_seed(0)
x = torch.randn(256, 256)
conv = torch.nn.Conv2d(32, 64, 3)
image = torch.randn(8, 32, 32, 32)
digest = lambda t: hashlib.sha256(t.detach().numpy().tobytes()).hexdigest()[:12]
print(torch.backends.cpu.get_cpu_capability(), digest(x.sum(0)), digest(x.softmax(-1)), digest(conv(image)),
      digest(x @ x))
"""


def probe(**env):
    import os

    environment = {name: value for name, value in os.environ.items() if name not in numerics.KNOB_VARIABLES}
    done = subprocess.run([sys.executable, "-c", PROBE], env={**environment, **env}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    capability, reduction, softmax, convolution, matmul = done.stdout.split()
    return {"capability": capability, "reduction": reduction, "softmax": softmax, "conv": convolution, "mm": matmul}


def test_spec_round_trips_and_defaults_to_the_reference():
    assert parse("native") == numerics.REFERENCE
    assert parse("") == numerics.REFERENCE
    chosen = parse("isa=avx2, threads=2,hash-seed=7")
    assert chosen == Numerics(isa="avx2", threads=2, hash_seed=7)
    assert parse(chosen.spec()) == chosen
    assert numerics.REFERENCE.spec() == "native" and numerics.REFERENCE.is_reference


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("isa=avx1024", "isa must be one of"),
        ("threads=0", "threads must be between 1"),
        ("threads=two", "threads must be a whole number"),
        ("cores=2", "unknown numerics key 'cores'"),
        ("avx2", "expected key=value"),
        ("isa=sse,isa=avx2", "isa given twice"),
    ],
)
def test_bad_specs_say_what_is_wrong(spec, message):
    with pytest.raises(NumericsError, match=message):
        parse(spec)


def test_environment_sets_every_library_knob_and_the_hash_seed():
    assert Numerics().environment() == {"PYTHONHASHSEED": "0"}
    env = Numerics(isa="sse", threads=2, hash_seed=3).environment()
    assert env.pop("TORCHINDUCTOR_CACHE_DIR").endswith("_isa_sse_threads_2_hash_seed_3")
    assert env == {
        "PYTHONHASHSEED": "3",
        "ATEN_CPU_CAPABILITY": "default",
        "ONEDNN_MAX_CPU_ISA": "SSE41",
        "MKL_ENABLE_INSTRUCTIONS": "SSE4_2",
        "MKL_CBWR": "COMPATIBLE",
        "OMP_WAIT_POLICY": "PASSIVE",
    }


def test_a_level_the_cpu_lacks_is_refused(tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor : 0\nflags : fpu sse4_1 sse4_2 avx avx2 fma\n")
    Numerics(isa="avx2").check_available(cpuinfo)
    with pytest.raises(NumericsError, match=r"cannot run isa=avx512 .*avx512f"):
        Numerics(isa="avx512").check_available(cpuinfo)


def test_each_knob_changes_the_kernels_torch_runs():
    """What `numerics` says of torch 2.13: ATen's capability changes reductions (and, at `default`, matmul);
    oneDNN's ISA cap changes convolutions; MKL's CBWR branch changes sgemm. A knob that stops biting after an
    upgrade makes the imitation a no-op, so this fails loudly."""
    native = probe()
    sse = probe(ATEN_CPU_CAPABILITY="default")
    assert sse["capability"] == "DEFAULT"
    assert sse["reduction"] != native["reduction"] and sse["mm"] != native["mm"]
    onednn = probe(ONEDNN_MAX_CPU_ISA="SSE41")
    assert onednn["conv"] != native["conv"] and onednn["reduction"] == native["reduction"]
    mkl = probe(MKL_CBWR="COMPATIBLE")
    assert mkl["mm"] != native["mm"] and mkl["reduction"] == native["reduction"]
