"""Architecture invariants, each a test (read the imports, not the docs).

- ``gowls.syntax`` imports nothing above it.
- The ``gowls.analysis`` core (the modules directly in the package) imports no kind package,
  no ``gowls.lsp``, no ``gowls.cli`` and not ``gowls.languages``: it learns the kinds from the
  ``Languages`` it is given.
- A kind package (``gowls.analysis.<kind>``) imports no other kind and no front end.
- ``gowls.lsp`` and ``gowls.cli`` do not import each other; only ``gowls.main`` sits above both.
- Every rule defined in a kind package is listed by that kind's ``Language``.
- A kind's ``language`` module is cheap: the server imports no kind's rules, features or
  parsers (its ``parts``) until a file of the kind is analysed; what a kind offers the editor
  is stated without them and equals what they provide.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import gowls
from gowls.analysis.language import Offers
from gowls.analysis.registry import Rule
from gowls.languages import LANGUAGES

PACKAGE = Path(gowls.__file__).parent
KINDS = sorted(
    p.name for p in (PACKAGE / "analysis").iterdir() if p.is_dir() and (p / "__init__.py").exists()
)


def _imports(path: Path) -> set[str]:
    """Every ``gowls...`` module a source file imports (at any depth, lazily or not)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("gowls"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("gowls"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
    return out


def _files(*parts: str) -> list[Path]:
    return sorted((PACKAGE.joinpath(*parts)).rglob("*.py"))


def _violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in files:
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return bad


def test_there_are_kind_packages() -> None:
    assert "go" in KINDS


def test_syntax_imports_nothing_above_it() -> None:
    forbidden = ("gowls.analysis", "gowls.lsp", "gowls.cli", "gowls.languages", "gowls.main")
    assert _violations(_files("syntax"), forbidden) == []


def test_analysis_core_knows_no_kind_and_no_front_end() -> None:
    core = sorted((PACKAGE / "analysis").glob("*.py"))
    forbidden = (
        *(f"gowls.analysis.{k}" for k in KINDS),
        "gowls.lsp",
        "gowls.cli",
        "gowls.languages",
        "gowls.main",
    )
    assert _violations(core, forbidden) == []


def test_kinds_import_no_other_kind_and_no_front_end() -> None:
    for kind in KINDS:
        others = tuple(f"gowls.analysis.{k}" for k in KINDS if k != kind)
        forbidden = (*others, "gowls.lsp", "gowls.cli", "gowls.languages", "gowls.main")
        assert _violations(_files("analysis", kind), forbidden) == [], kind


def test_front_ends_do_not_import_each_other() -> None:
    assert _violations(_files("lsp"), ("gowls.cli", "gowls.main")) == []
    assert _violations(_files("cli"), ("gowls.lsp", "gowls.main")) == []


def test_every_rule_of_a_kind_is_listed_by_its_language() -> None:
    listed = {id(r) for r in LANGUAGES.rules()}
    for kind in KINDS:
        package = importlib.import_module(f"gowls.analysis.{kind}")
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, Rule) and value.info.code:
                    assert id(value) in listed, f"{info.name}.{name} ({value.info.code})"


def test_rule_codes_carry_their_kind_prefix() -> None:
    for lang in LANGUAGES.all:
        for registered in lang.rules:
            assert registered.info.code.startswith(lang.code_prefixes)
            assert registered.info.kind == lang.name


def test_the_server_starts_without_any_kind_parts() -> None:
    probe = (
        "import sys, gowls.lsp.app; print(sorted(m for m in sys.modules"
        " if m.startswith('gowls.analysis.') and m.count('.') >= 3"
        " and not m.endswith('.language')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_every_kind_offers_what_its_features_provide() -> None:
    for lang in LANGUAGES.all:
        assert lang.offered == Offers.of(lang.features), lang.name
