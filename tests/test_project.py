"""Project-wide rules: ruff clean, and imports flow one way
(gazetteer <- geomap.extract/store <- geomap.render <- geomap.cli)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _violations(package: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((ROOT / package.replace(".", "/")).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("gazetteer", ("geomap",)),
        ("geomap.extract", ("geomap.render", "geomap.cli")),
        ("geomap.formats", ("geomap.render", "geomap.cli", "geomap.extract")),
        # render stays pure: records in, HTML out (the demo, which extracts and stores, is
        # geomap.demo); the store gets place names resolved through a lookup it is given.
        ("geomap.render", ("geomap.cli", "geomap.extract", "geomap.store", "geomap.serve")),
        ("geomap.store", ("geomap.render", "geomap.cli", "geomap.extract", "gazetteer")),
        ("geomap.serve", ("geomap.cli",)),
        # Control maps sit beside the store; render gets their data as plain values.
        ("geomap.control", ("geomap.render", "geomap.cli", "geomap.extract")),
        ("geomap.render", ("geomap.control",)),
    ],
)
def test_imports_flow_one_way(package: str, forbidden: tuple[str, ...]) -> None:
    assert _violations(package, forbidden) == []


def test_lower_layers_do_not_import_upper_ones() -> None:
    lower = ("query", "model", "places", "records", "errors", "atomic", "importing", "review")
    paths = [ROOT / "geomap" / f"{m}.py" for m in lower]
    paths += sorted((ROOT / "geomap" / "store").rglob("*.py"))
    for path in paths:
        names = _imports(path)
        upper_layers = ("geomap.render", "geomap.cli", "geomap.extract", "geomap.serve")
        upper = [n for n in names if n.startswith(upper_layers)]
        assert upper == [], f"{path.relative_to(ROOT)} imports {upper}"


def test_ruff_clean() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it comes with the test extra)")
    done = subprocess.run([ruff, "check", str(ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_formatted() -> None:
    """The tree stays `ruff format`ted, so diffs show changes, not layout."""
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it comes with the test extra)")
    done = subprocess.run([ruff, "format", "--check", str(ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, "run `ruff format .`:\n" + done.stdout + done.stderr


def test_readme_examples_use_paths_that_exist() -> None:
    """Every file or folder a "Using it" command reads exists in the checkout or is written by
    a command above it (-o), so a newcomer can paste them in order."""
    import shlex

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Using it", 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    written: set[str] = set()
    checked = 0
    for line in block.splitlines():
        args = shlex.split(line.split("  #", 1)[0])
        if not args or args[0] != "geomap":
            continue
        outs = {args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-o", "--output")}
        if args[1] in ("ingest", "import", "eval"):
            for a in args[2:]:
                if a.startswith("-") or a in outs or a.startswith("../shared"):
                    continue
                prev = args[args.index(a) - 1]
                if prev in ("--db", "--format", "--extractor"):
                    continue
                assert (ROOT / a).exists() or a in written, f"README: {line.strip()}: no {a}"
                checked += 1
        written |= outs
    assert checked >= 4


def test_install_commands_upgrade_pip_first() -> None:
    """Old pip (< 23.3) warns "lxml does not provide the extra 'html_clean'" on every install;
    the README's commands and CI upgrade pip before installing geomap."""
    lines = [
        line
        for path in (ROOT / "README.md", ROOT / ".ci" / "run")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "python3 -m venv .venv" in line
    ]
    assert len(lines) >= 3
    for line in lines:
        before_geomap = line.split("pip install -e")[0].split("pip install -q -e")[0]
        assert "pip install -q -U pip &&" in before_geomap, line


_MAX_FUNCTION_LINES = 60


def _long_functions(package: Path) -> dict[str, int]:
    out: dict[str, int] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > _MAX_FUNCTION_LINES:
                    out[f"{path.relative_to(ROOT).as_posix()}:{node.name}"] = lines
    return out


def test_extract_functions_are_short() -> None:
    """The developers' guide: functions of at most ~60 lines in geomap/extract (issue 9)."""
    long = _long_functions(ROOT / "geomap" / "extract")
    assert not long, f"functions over {_MAX_FUNCTION_LINES} lines (split them): {long}"


def test_long_function_check_sees_a_long_function() -> None:
    """The size check itself: a 61-line function in a package is reported."""
    pkg = ROOT / "build" / "_long_fn_probe"
    body = "\n".join(f"    x{i} = {i}" for i in range(59))
    try:
        pkg.mkdir(parents=True, exist_ok=True)
        (pkg / "m.py").write_text(f"def long():\n{body}\n    return 0\n", encoding="utf-8")
        assert list(_long_functions(pkg).values()) == [61]
    finally:
        shutil.rmtree(pkg, ignore_errors=True)
