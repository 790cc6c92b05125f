"""The editor set-ups in docs/editors.md parse and name what their editors require."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "editors.md"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _sections() -> dict[str, list[tuple[str, str]]]:
    """``## Heading`` -> the (language, code) fenced blocks under it, in order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for part in re.split(r"^## ", DOC.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
        title, _, body = part.partition("\n")
        out[title.strip()] = [(m.group(1), m.group(2)) for m in FENCE.finditer(body)]
    return out


def _blocks(section: str, lang: str) -> list[str]:
    blocks = [code for kind, code in _sections().get(section, []) if kind == lang]
    assert blocks, f"docs/editors.md has no {lang} block under '## {section}'"
    return blocks


def test_helix_languages_toml() -> None:
    main, *extra = (tomllib.loads(code) for code in _blocks("Helix", "toml"))
    server = main["language-server"]["gowls"]
    assert server["command"] == "gowls"
    assert "args" not in server or server["args"] == []
    languages = {lang["name"]: lang for lang in main["language"]}
    # Helix's own language names for go.mod and go.work.
    assert set(languages) == {"gomod", "gowork"}
    for lang in languages.values():
        # Overriding language-servers replaces Helix's default list: keep gopls.
        assert lang["language-servers"] == ["gopls", "gowls"]
        assert all(isinstance(root, str) for root in lang["roots"])
    for doc in extra:
        for lang in doc["language"]:
            assert "gowls" in lang["language-servers"]
            assert lang["language-servers"][0] != "gowls", "keep the default YAML server first"


def test_eglot_snippet_is_balanced_and_names_the_server() -> None:
    (code,) = _blocks("Emacs (eglot)", "elisp")
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', re.sub(r";.*", "", code))
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        assert depth >= 0, "unbalanced parentheses"
    assert depth == 0, "unbalanced parentheses"
    assert "(add-to-list 'eglot-server-programs" in code
    assert '. ("gowls")' in code
    for mode in ("go-mod-ts-mode", "go-work-ts-mode", "go-dot-mod-mode", "go-dot-work-mode"):
        assert mode in code


def test_zed_extension_and_settings() -> None:
    manifest, cargo = (tomllib.loads(code) for code in _blocks("Zed", "toml"))
    for key in ("id", "name", "version", "schema_version"):
        assert key in manifest, key
    assert manifest["language_servers"]["gowls"]["languages"] == ["Go Mod", "Go Work"]
    assert cargo["lib"]["crate-type"] == ["cdylib"]
    assert "zed_extension_api" in cargo["dependencies"]
    (settings,) = (json.loads(code) for code in _blocks("Zed", "json"))
    for lang in ("Go Mod", "Go Work"):
        servers = settings["languages"][lang]["language_servers"]
        assert servers[0] == "gowls" and "..." in servers
    assert set(settings["lsp"]["gowls"]["binary"]) <= {"path", "arguments", "env"}
    (rust,) = _blocks("Zed", "rust")
    assert "fn language_server_command" in rust
    assert 'worktree.which("gowls")' in rust


@pytest.mark.parametrize("section", ["Helix", "Emacs (eglot)", "Zed"])
def test_each_snippet_names_the_documentation_it_follows(section: str) -> None:
    text = DOC.read_text(encoding="utf-8").split(f"## {section}\n", 1)[1]
    assert text.lstrip().startswith("Followed:"), f"say which {section} docs the snippet follows"
