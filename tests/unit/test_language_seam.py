"""The Language seam: prefixes checked, recognition from neighbours recorded, kinds pluggable."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from gowls.analysis.findings import Finding, Severity
from gowls.analysis.go.language import GOMOD, GOWORK
from gowls.analysis.language import Discovery, Features, Language, Languages, Offers, Parts
from gowls.analysis.registry import RuleContext, RuleInfo, finding, rule
from gowls.analysis.source import FileSource
from gowls.analysis.workspace import Workspace
from gowls.syntax.comments import CommentToken
from gowls.syntax.positions import LineIndex, Span
from workspace_files import write_tree


@dataclasses.dataclass
class _Doc:
    """A minimal document: every line starting with ``;`` is a comment."""

    index: LineIndex
    problems: tuple[()] = ()

    def comments(self) -> list[CommentToken]:
        out = []
        for n in range(self.index.line_count):
            text = self.index.line_bytes(n).decode()
            if text.startswith(";"):
                out.append(CommentToken(Span.of(n, 0, n, len(text)), text[1:]))
        return out


def _parse(data: bytes, path: Path) -> _Doc:
    return _Doc(LineIndex(data))


@rule(RuleInfo("TX101", "every-file", "test.txt", Severity.WARNING, "test", "test"))
def _every_file(ctx: RuleContext[_Doc], info: RuleInfo) -> Iterator[Finding]:
    yield finding(info, ctx.path, Span.of(1, 0, 1, 1), "flagged")


def _beside_marker(source: FileSource, path: Path) -> bool:
    return source.is_file(path.parent / "MARKER")


TEXT = Language(
    name="test.txt",
    code_prefixes=("TX",),
    discovery=Discovery(patterns=("*.txt",), enter_dirs=frozenset({".hidden"})),
    recognize=_beside_marker,
    parts=Parts(parse=_parse, rules=(_every_file,)),
)


def test_a_rule_without_the_kind_prefix_is_refused() -> None:
    with pytest.raises(ValueError, match="prefix"):
        dataclasses.replace(TEXT, code_prefixes=("ZZ",))


def test_a_rule_of_another_kind_and_a_repeated_code_are_refused() -> None:
    with pytest.raises(ValueError, match=r"is for test\.txt"):
        dataclasses.replace(TEXT, name="other.txt")
    with pytest.raises(ValueError, match="twice"):
        Languages([TEXT.with_parts(rules=(_every_file, _every_file))])
    with pytest.raises(ValueError, match="share a name"):
        Languages([TEXT, TEXT.with_parts(rules=())])


def test_a_kind_loads_its_parts_on_first_use_and_keeps_its_offers(tmp_path: Path) -> None:
    loads: list[str] = []

    def load() -> Parts:
        loads.append("text")
        return TEXT.loaded

    lazy = dataclasses.replace(TEXT, parts=load, offers=Offers())
    other = dataclasses.replace(
        TEXT, name="other", code_prefixes=("OT",), parts=load, offers=Offers()
    )
    languages = Languages([lazy, other])
    write_tree(tmp_path, {"MARKER": "", "a.txt": "x\n"})
    source = FileSource()
    assert languages.of(source, tmp_path / "a.txt") is lazy
    assert languages.watch_globs() == [] and not languages.offer("hover")
    assert languages.trigger_characters() == [] and not lazy.is_loaded
    assert loads == []
    assert languages.rule("TX101") is _every_file  # only the kind of the TX prefix loads
    assert loads == ["text"] and lazy.is_loaded and not other.is_loaded
    assert lazy.rules == (_every_file,) and loads == ["text"]  # once


def test_a_lazy_kind_states_its_offers_and_they_are_checked_on_load() -> None:
    with pytest.raises(ValueError, match="state its offers"):
        dataclasses.replace(TEXT, parts=lambda: TEXT.loaded, offers=None)
    wrong = dataclasses.replace(
        TEXT, parts=lambda: TEXT.loaded, offers=Offers(frozenset({"hover"}))
    )
    with pytest.raises(ValueError, match="offers"):
        assert wrong.rules  # loading checks the offers
    hovering = TEXT.with_parts(features=Features(hover=lambda ctx, at: None))
    assert hovering.offered == Offers(frozenset({"hover"}))


def test_a_new_kind_plugs_in_with_recognition_suppression_and_dependencies(
    tmp_path: Path,
) -> None:
    write_tree(
        tmp_path,
        {
            "a/MARKER": "",
            "a/x.txt": "first\nsecond\n",
            "a/quiet.txt": "; gowls:ignore TX101\nsecond\n",
            "b/x.txt": "not beside a marker\nsecond\n",
            ".hidden/MARKER": "",
            ".hidden/y.txt": "one\ntwo\n",
            ".other/MARKER": "",
            ".other/z.txt": "one\ntwo\n",
        },
    )
    from gowls.analysis.config import ConfigResolver, Policy

    languages = Languages([GOWORK, GOMOD, TEXT])
    policy = Policy(ConfigResolver(languages.codes()))
    workspace = Workspace([tmp_path], policy, languages=languages)
    found = workspace.scan()
    assert found == [tmp_path / ".hidden/y.txt", tmp_path / "a/quiet.txt", tmp_path / "a/x.txt"]
    results = {r.path: r for r in workspace.check(found)}
    assert [f.code for f in results[tmp_path / "a/x.txt"].findings] == ["TX101"]
    assert results[tmp_path / "a/quiet.txt"].findings == ()
    # recognition read the neighbour through the file source: removing it re-checks the file
    assert tmp_path / "a/MARKER" in results[tmp_path / "a/x.txt"].depends_on
    assert tmp_path / "a/x.txt" in workspace.affected([tmp_path / "a/MARKER"])


def test_a_failing_rule_loses_only_its_own_findings(tmp_path: Path) -> None:
    @rule(RuleInfo("TX102", "broken", "test.txt", Severity.ERROR, "test", "test"))
    def _broken(ctx: RuleContext[_Doc], info: RuleInfo) -> Iterator[Finding]:
        raise RuntimeError("a bug in a rule")
        yield  # pragma: no cover

    write_tree(tmp_path, {"MARKER": "", "x.txt": "a\nb\n"})
    kind = TEXT.with_parts(rules=(_broken, _every_file))
    workspace = Workspace([tmp_path], languages=Languages([kind]))
    (result,) = workspace.check(workspace.scan())
    assert [f.code for f in result.findings] == ["TX101"]


def test_a_kind_section_names_more_files_and_carries_settings(tmp_path: Path) -> None:
    from gowls.analysis.config import ConfigError, ConfigResolver, Policy
    from gowls.analysis.registry import RuleContext as Ctx

    seen: list[object] = []

    @rule(RuleInfo("TX103", "settings", "test.txt", Severity.HINT, "test", "test"))
    def _reads_settings(ctx: Ctx[_Doc], info: RuleInfo) -> Iterator[Finding]:
        seen.append(ctx.snapshot.settings("text", ctx.path).get("level"))
        return iter(())

    write_tree(
        tmp_path,
        {
            ".gowls.toml": '[text]\nfiles = ["notes/*.md"]\nlevel = 3\n',
            "notes/a.md": "x\ny\n",
            "notes/b.txt": "x\ny\n",
            "other/c.md": "x\ny\n",
        },
    )
    kind = dataclasses.replace(TEXT, settings_section="text").with_parts(
        rules=(_every_file, _reads_settings)
    )
    languages = Languages([kind])
    policy = Policy(ConfigResolver(languages.codes(), sections=languages.sections()))
    workspace = Workspace([tmp_path], policy, languages=languages)
    found = workspace.scan()
    assert found == [tmp_path / "notes/a.md"]
    (result,) = workspace.check(found)
    assert [f.code for f in result.findings] == ["TX101"] and seen == [3]
    # a section that is not a table, or a table of a kind nobody registered, is an error
    (tmp_path / ".gowls.toml").write_text("text = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[text\] must be a table"):
        ConfigResolver(languages.codes(), sections=languages.sections()).for_path(tmp_path)
    (tmp_path / ".gowls.toml").write_text("[nope]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'nope'"):
        ConfigResolver(languages.codes(), sections=languages.sections()).for_path(tmp_path)
