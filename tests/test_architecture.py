"""The engine's folders are its architecture: dependencies run one way, no cycles, small modules, a true map.

Read from the source (`ast`), not from an import: a lazy import inside a function counts as much as one
at the top of a module.
"""

import ast
import re
import sys

from conftest import REPO_ROOT

ENGINE = REPO_ROOT / "scripts" / "snippet_engine"
PACKAGE = "snippet_engine"

LAYERS = {
    "running": 0,
    "course": 1,
    "output": 1,
    "notebooks": 2,
    "site": 3,
    "checker": 3,
}
"""Each group's floor: a module imports only from its own group and from groups on lower floors
(two groups on one floor do not import each other). The package's `__init__` is the public surface."""

MAX_LINES = 500

SELF_CONTAINED = {"snippet_engine.running.state_probes"}
"""Loaded on its own, by file path, inside notebook kernels: the standard library only."""


def _module_name(path):
    parts = path.relative_to(ENGINE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(ENGINE.rglob("*.py"))}


def _group(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(module):
    """Every module of the engine that `module` imports, anywhere in its source."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            names = [name if name in MODULES else node.module for name in names]
        else:
            continue
        for name in names:
            if name == PACKAGE or name.startswith(PACKAGE + "."):
                while (
                    name not in MODULES
                ):  # `import snippet_engine.running.state` names a module; a class is in its module
                    name = name.rpartition(".")[0]
                if name != module:
                    found.add(name)
    return found


GRAPH = {module: _imports(module) for module in MODULES}


def test_every_group_has_a_floor():
    groups = {_group(module) for module in MODULES} - {""}
    assert groups == set(LAYERS), "a new folder needs its floor in LAYERS (and a section in the package's map)"


def test_dependencies_run_down_between_groups():
    wrong = []
    for module, imported in GRAPH.items():
        group = _group(module)
        if not group:
            continue  # the package's public surface
        for target in imported:
            other = _group(target)
            if other == group:
                continue
            if not other or LAYERS[other] >= LAYERS[group]:
                wrong.append(f"{module} imports {target} ({group} may import only from groups below it)")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_import_cycle():
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module, path):
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_no_module_over_the_limit():
    long = {
        module: count
        for module, path in MODULES.items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines (split them by concern): {long}"


def test_self_contained_modules_import_only_the_standard_library():
    for module in SELF_CONTAINED:
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                tops = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                tops = [(node.module or "").split(".")[0]] if node.level == 0 else ["<relative>"]
            else:
                continue
            for top in tops:
                assert top in sys.stdlib_module_names or top == "__future__", f"{module} imports {top}"


def test_the_package_map_matches_the_folders():
    """The package docstring names each folder, and under it each of its modules, and nothing else."""
    doc = ast.get_docstring(ast.parse((ENGINE / "__init__.py").read_text(encoding="utf-8")))
    sections = re.split(r"^(\w+)/ — .*$", doc, flags=re.M)
    mapped = {sections[i]: set(re.findall(r"^- `(\w+)`", sections[i + 1], re.M)) for i in range(1, len(sections), 2)}
    on_disk: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        if _group(module) and path.name != "__init__.py":
            on_disk.setdefault(_group(module), set()).add(path.stem)
    assert mapped == on_disk
