"""Every MkDocs, Material, mkdocs-jupyter and plugin internal the site uses is still there, as written against.

`snippet_engine.site.mkdocs_internals.INTERNALS` lists them. An upgrade that removes one, changes a
replaced method's parameters, or simply ships another version fails here, naming the entry: read it,
check the behaviour its `checked_by` tests cover, then update `written_against`.
"""

import importlib
import inspect
import re
from importlib import metadata
from pathlib import Path

import pytest

from snippet_engine.site import mkdocs_internals
from snippet_engine.site.mkdocs_internals import INTERNALS, Internal

SITE_DIR = Path(mkdocs_internals.__file__).parent


def _plain_signature(target: object) -> str:
    """`inspect.signature` without annotations or defaults: `(self, config, files)`."""
    parameters = inspect.signature(target).parameters.values()
    return str(inspect.Signature([p.replace(annotation=p.empty, default=p.empty) for p in parameters]))


def _resolve(internal: Internal) -> tuple[object, str | None]:
    """The object `internal.name` names, or (its owner, the attribute name) when only instances have it."""
    module_name, _, path = internal.name.partition(":")
    target: object = importlib.import_module(module_name)
    parts = path.split(".")
    for number, part in enumerate(parts):
        if not hasattr(target, part):
            if number == len(parts) - 1:
                return target, part
            raise AssertionError(f"{internal.name}: {'.'.join(parts[: number + 1])} is gone")
        target = getattr(target, part)
    return target, None


def _assigned_in_source(internal: Internal, owner: object, attribute: str) -> bool:
    """Whether the module (or the owner's classes) assigns `attribute` on an instance: `x.attribute = …`."""
    module_name = internal.name.partition(":")[0]
    sources = [inspect.getsource(importlib.import_module(module_name))]
    for cls in getattr(owner, "__mro__", ()):
        if cls.__module__ not in ("builtins", module_name):
            sources.append(inspect.getsource(importlib.import_module(cls.__module__)))
    pattern = re.compile(rf"\.{re.escape(attribute)}\s*(?::[^=\n]+)?=(?!=)")
    return any(pattern.search(source) for source in sources)


@pytest.mark.parametrize("internal", INTERNALS, ids=lambda internal: internal.name)
def test_each_internal_is_still_there(internal):
    module_name, _, path = internal.name.partition(":")
    if "/" in path:  # a file the distribution ships
        package = importlib.import_module(module_name)
        assert (Path(package.__file__).parent / path).exists(), f"{internal.name}: the file is gone"
        return
    target, attribute = _resolve(internal)
    if attribute is not None:
        assert internal.signature is None, f"{internal.name}: the callable is gone"
        assert _assigned_in_source(internal, target, attribute), f"{internal.name}: nothing sets it any more"
        return
    if internal.signature is not None:
        assert callable(target), f"{internal.name} is no longer callable"
        assert _plain_signature(target) == internal.signature, (
            f"{internal.name} changed its parameters: {_plain_signature(target)}, written against "
            f"{internal.signature} ({internal.used_by})"
        )


@pytest.mark.parametrize("internal", INTERNALS, ids=lambda internal: internal.name)
def test_each_internal_is_the_version_written_against(internal):
    installed = metadata.version(internal.distribution)
    assert installed == internal.written_against, (
        f"{internal.distribution} {installed} is installed; {internal.name} was written against "
        f"{internal.written_against}. It is used by {internal.used_by}: check it "
        f"({internal.checked_by or 'read the package source'}), then update `written_against` in mkdocs_internals.py."
    )


def test_internals_are_described():
    assert INTERNALS, "the list is empty"
    names = [internal.name for internal in INTERNALS]
    assert len(names) == len(set(names)), "an internal is listed twice"
    for internal in INTERNALS:
        assert internal.use and internal.used_by, internal.name
        for test in filter(None, (part.strip() for part in internal.checked_by.split(","))):
            assert (SITE_DIR.parents[2] / test).is_file(), f"{internal.name}: {test} does not exist"


def test_only_mkdocs_internals_reaches_them():
    """No other module of the site imports the internals' modules or names a private attribute they list."""
    modules = sorted({internal.name.partition(":")[0] for internal in INTERNALS})
    private = sorted(
        {part for internal in INTERNALS for part in internal.name.partition(":")[2].split(".") if part.startswith("_")}
    )
    engine = SITE_DIR.parent
    for path in sorted(engine.rglob("*.py")):
        if path.name == "mkdocs_internals.py":
            continue
        text = path.read_text(encoding="utf-8")
        for module in modules:
            top = module.split(".")[0]
            if module == "mkdocs.plugins":  # `event_priority`, `CombinedEvent`: MkDocs' API for hooks
                continue
            if top == "mkdocs":  # public MkDocs APIs are fine; these modules are not
                assert not re.search(rf"^\s*(from|import) {re.escape(module)}\b", text, re.M), (path, module)
            else:
                assert not re.search(rf"^\s*(from|import) {re.escape(top)}\b", text, re.M), (path, module)
        for name in private:
            assert name not in text, f"{path.relative_to(engine)} names {name}: reach it through mkdocs_internals"
