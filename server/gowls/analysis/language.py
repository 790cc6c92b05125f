"""The seam every file kind plugs into: one :class:`Language` object per kind.

The core (discovery, snapshot, engine, workspace), the language server and ``--check`` know a
kind only through its ``Language``: how a file is recognised (its name, then its neighbours,
read through the file source so the dependency is recorded), where discovery looks, what the
editor should watch, a parser that never fails, the kind's rules, its commands and its optional
editor features. The parser, rules and features are the kind's :class:`Parts`, which a
``Language`` may load on first use (starting the server then imports no kind's rules). Adding
a kind is one package that builds a ``Language`` and one line in ``gowls.languages``.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from collections.abc import Callable, Hashable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from gowls.analysis.features import (
    Action,
    CommandResult,
    Completion,
    Fold,
    HoverInfo,
    InlayHint,
    Lens,
    Symbol,
    Target,
)
from gowls.analysis.registry import Rule, RuleContext
from gowls.syntax.comments import CommentToken
from gowls.syntax.positions import LineIndex, Point, Span

if TYPE_CHECKING:
    from gowls.analysis.snapshot import Snapshot
    from gowls.analysis.source import FileSource


class SyntaxProblem(Protocol):
    """A problem the parser found: where, and what (worded as the real tool words it)."""

    @property
    def span(self) -> Span: ...

    @property
    def message(self) -> str: ...


class Document(Protocol):
    """What the core needs of any parsed document; kinds add their own typed content."""

    @property
    def index(self) -> LineIndex: ...

    @property
    def problems(self) -> Sequence[SyntaxProblem]: ...

    def comments(self) -> Iterable[CommentToken]:
        """The file's real comments (used for ``gowls:ignore`` suppressions)."""
        ...


Reparse = Callable[[bytes, Path, Any], Document]
"""New bytes, path and the document of the previous bytes to the new document."""

Context = RuleContext[Any]
"""What every feature receives: the snapshot, the file and its typed document."""


@dataclass(frozen=True, slots=True)
class Features:
    """Optional editor features of a kind; a ``None`` feature is simply not offered."""

    completion: Callable[[Context, Point], list[Completion]] | None = None
    trigger_characters: tuple[str, ...] = ()
    hover: Callable[[Context, Point], HoverInfo | None] | None = None
    definition: Callable[[Context, Point], list[Target]] | None = None
    references: Callable[[Context, Point], list[Target]] | None = None
    links: Callable[[Context], list[Target]] | None = None
    symbols: Callable[[Context], list[Symbol]] | None = None
    folding: Callable[[Context], list[Fold]] | None = None
    format: Callable[[Context], str | None] | None = None
    """The whole formatted text, or None when the file cannot be formatted (syntax errors)."""
    actions: Callable[[Context, Span], list[Action]] | None = None
    """Code actions beyond the quick fixes attached to findings."""
    inlay_hints: Callable[[Context, Span], list[InlayHint]] | None = None
    code_lenses: Callable[[Context], list[Lens]] | None = None


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A command the kind serves (``workspace/executeCommand`` and the CLI's subcommands)."""

    name: str
    """Stable command id, e.g. ``gowls.migrate``."""
    run: Callable[[Snapshot, Sequence[str]], CommandResult]
    """Computes what to write from a snapshot and the command's string arguments (pure)."""


@dataclass(frozen=True, slots=True)
class Discovery:
    """Where discovery finds candidate files of a kind.

    ``names`` and ``patterns`` (``fnmatch`` on the base name) are a cheap first filter;
    :attr:`Language.recognize` then decides from the path and its neighbours.
    Directories named in :data:`gowls.analysis.source.SKIPPED_DIRS` are never entered, hidden
    directories only when a kind names them in ``enter_dirs`` (GoReleaser's ``.config``).
    """

    names: frozenset[str] = frozenset()
    patterns: tuple[str, ...] = ()
    enter_dirs: frozenset[str] = frozenset()

    def candidate(self, name: str) -> bool:
        """Whether a file of this base name may be of the kind."""
        return name in self.names or any(fnmatch.fnmatchcase(name, p) for p in self.patterns)


def _always(source: FileSource, path: Path) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Parts:
    """What a kind loads on first use: its parser, rules and editor features (the heavy
    imports), as opposed to the recognition data a :class:`Language` holds from the start."""

    parse: Callable[[bytes, Path], Document]
    """Bytes and path to a typed document; never raises."""
    rules: tuple[Rule[Any], ...] = ()
    features: Features = field(default_factory=Features)
    related: Callable[[Snapshot, Path], Iterable[Path]] | None = None
    """Files a file of this kind brings into the analysis wherever they are (go.work's used
    modules' go.mod files, even under hidden or skipped directories)."""
    reparse: Reparse | None = None
    """Optional: the document of new bytes from the document of the file's previous bytes,
    equal to ``parse`` of the new bytes but cheaper (work proportional to the edit)."""


@dataclass(frozen=True, slots=True)
class Offers:
    """The editor features a kind offers, stated without loading them (the server registers
    its LSP methods and completion trigger characters at start-up)."""

    features: frozenset[str] = frozenset()
    """Names of the :class:`Features` fields that are not ``None``."""
    trigger_characters: tuple[str, ...] = ()

    @staticmethod
    def of(features: Features) -> Offers:
        """What ``features`` offers."""
        names = (f for f in FEATURE_NAMES if getattr(features, f) is not None)
        return Offers(frozenset(names), features.trigger_characters)


FEATURE_NAMES = tuple(f for f in Features.__dataclass_fields__ if f != "trigger_characters")
"""The optional editor features (the callable fields of :class:`Features`)."""


@dataclass(frozen=True)
class Language:
    """One supported kind of file.

    ``parts`` is either the kind's :class:`Parts` or a function that imports and returns them,
    called once, when a file of the kind is first parsed, analysed or asked for a feature (a
    server opening a go.mod never imports the Helm rules). A lazily loaded kind states its
    ``offers``; they are checked against its features when they load.
    """

    name: str
    """Stable identifier (``go.mod``), also the LSP language id where one exists."""
    code_prefixes: tuple[str, ...]
    """Every rule code of the kind starts with one of these (checked when the rules load)."""
    discovery: Discovery
    parts: Parts | Callable[[], Parts]
    recognize: Callable[[FileSource, Path], bool] = _always
    """Whether a candidate file is of the kind, from its path and neighbours."""
    watch_globs: tuple[str, ...] = ()
    """Globs of files whose changes on disk the editor should report."""
    commands: tuple[CommandSpec, ...] = ()
    settings_section: str | None = None
    """The kind's own ``.gowls.toml`` table (``[goreleaser]``); its ``files`` globs name
    more files of the kind, and its rules read the rest through ``Snapshot.settings``."""
    facts: Callable[[Any], Hashable] | None = None
    """What other files can learn from a document of this kind (for go.mod: module path, go
    version, requires, replaces, ... with their spans; never comments or layout). When an
    edit leaves them equal, files that read the document are not re-checked (early cutoff).
    None: every edit re-checks them. Must cover every field another file's rule reads."""
    same_facts: Callable[[Any, Any], bool] | None = None
    """With ``facts``: whether two documents' facts are equal (``facts(a) == facts(b)``),
    without building the facts of the parts both documents share (a re-parse keeps the
    objects of unchanged statements). None: the facts are built and compared."""
    reader_facts: Callable[[Snapshot, Path, Any], Hashable] | None = None
    """Finer facts, asked only when :attr:`facts` differ: what the document tells its readers
    once resolved in a snapshot (a go.work: its uses of directories holding a go.mod; the
    go.mod files reading it never see the others). When equal to the value at the last
    complete pass, readers are not re-checked either; the reads made to compute them are
    added to the readers' dependencies, so a later change of what was resolved (a go.mod
    created in a used directory) still reaches them. Must cover everything a reader reads
    of the document and of what the document resolves to."""
    facet_changes: Callable[[Any, Any], AbstractSet[Hashable] | None] | None = None
    """With ``facts``: given the document readers last saw and the current one (their facts
    differ), the facets that differ (None: any may). A reader that read the document with
    ``Snapshot.parsed(..., facets=True)`` and recorded the facets it used
    (``FileSource.read_facets``) is re-checked only when one of those is among them."""
    offers: Offers | None = None
    """Required when ``parts`` loads lazily; derived from them otherwise."""

    def __post_init__(self) -> None:
        if isinstance(self.parts, Parts):
            self._check(self.parts)
        elif self.offers is None:
            raise ValueError(f"{self.name} loads its parts on first use: state its offers")

    def _check(self, parts: Parts) -> None:
        for registered in parts.rules:
            code = registered.info.code
            if not code.startswith(self.code_prefixes):
                raise ValueError(f"rule {code} of {self.name} lacks a prefix {self.code_prefixes}")
            if registered.info.kind != self.name:
                raise ValueError(f"rule {code} is for {registered.info.kind}, not {self.name}")
        offered = Offers.of(parts.features)
        if self.offers is None:
            object.__setattr__(self, "offers", offered)
        elif offered != self.offers:
            raise ValueError(f"{self.name} offers {self.offers}, its features {offered}")

    @cached_property
    def loaded(self) -> Parts:
        """The kind's parts, imported on first use."""
        if isinstance(self.parts, Parts):
            return self.parts
        parts = self.parts()
        self._check(parts)
        return parts

    def load(self) -> None:
        """Load the parts now (nothing to do once they are loaded)."""
        self.loaded  # noqa: B018 (the cached property imports them)

    @property
    def is_loaded(self) -> bool:
        """Whether the parts are in memory (given at construction or loaded since)."""
        return isinstance(self.parts, Parts) or "loaded" in self.__dict__

    @property
    def offered(self) -> Offers:
        """The editor features the kind offers (known without loading them)."""
        assert self.offers is not None  # set by __post_init__
        return self.offers

    @property
    def parse(self) -> Callable[[bytes, Path], Document]:
        """Bytes and path to a typed document; never raises."""
        return self.loaded.parse

    @property
    def reparse(self) -> Reparse | None:
        """Cheaper ``parse`` from the previous document (see :class:`Parts`)."""
        return self.loaded.reparse

    @property
    def rules(self) -> tuple[Rule[Any], ...]:
        """The kind's rules."""
        return self.loaded.rules

    @property
    def features(self) -> Features:
        """The kind's editor features."""
        return self.loaded.features

    @property
    def related(self) -> Callable[[Snapshot, Path], Iterable[Path]] | None:
        """Files a file of this kind brings into the analysis (see :class:`Parts`)."""
        return self.loaded.related

    def with_parts(self, **changes: Any) -> Language:
        """A copy whose parts differ by ``changes`` (loads this kind's parts)."""
        parts = dataclasses.replace(self.loaded, **changes)
        return dataclasses.replace(self, parts=parts, offers=None)

    def matches(self, source: FileSource, path: Path) -> bool:
        """Whether ``path`` is a file of this kind."""
        return self.discovery.candidate(path.name) and self.recognize(source, path)


class Languages:
    """The kinds a workspace understands, with lookups by path, name and rule code.

    Lookups that need every rule (``rules``, ``codes``) load every kind; ``rule`` loads only
    the kinds whose prefixes the code carries; the rest reads what kinds hold from the start.
    """

    def __init__(self, languages: Sequence[Language]) -> None:
        self.all: tuple[Language, ...] = tuple(languages)
        self._by_name = {lang.name: lang for lang in self.all}
        if len(self._by_name) != len(self.all):
            raise ValueError("two languages share a name")
        self._rules: dict[str, Rule[Any]] | None = None
        self._found: dict[str, Rule[Any] | None] = {}
        if all(lang.is_loaded for lang in self.all):
            self._every_rule()  # nothing to load: report a repeated code now
        self.fact_kinds = frozenset(lang.name for lang in self.all if lang.facts is not None)
        """Kinds whose documents are read as facts (early cutoff), not as bytes."""
        self.facet_kinds = frozenset(
            lang.name for lang in self.all if lang.facts is not None and lang.facet_changes
        )
        """Kinds whose documents may also be read by facets (``Language.facet_changes``)."""
        self.enter_dirs: frozenset[str] = frozenset().union(
            *(lang.discovery.enter_dirs for lang in self.all)
        )

    def _every_rule(self) -> dict[str, Rule[Any]]:
        if self._rules is None:
            found: dict[str, Rule[Any]] = {}
            for lang in self.all:
                for registered in lang.rules:
                    if registered.info.code in found:
                        raise ValueError(f"rule code {registered.info.code} registered twice")
                    found[registered.info.code] = registered
            self._rules = found
        return self._rules

    def of(self, source: FileSource, path: Path) -> Language | None:
        """The kind of ``path``, or None for an unsupported file."""
        for lang in self.all:
            if lang.matches(source, path):
                return lang
        return None

    def candidate(self, name: str) -> bool:
        """Whether any kind may claim a file of this base name."""
        return any(lang.discovery.candidate(name) for lang in self.all)

    def named(self, name: str) -> Language | None:
        """The kind called ``name``."""
        return self._by_name.get(name)

    def rule(self, code: str) -> Rule[Any] | None:
        """The rule with this code (loads only the kinds whose prefix it carries)."""
        if self._rules is not None:
            return self._rules.get(code)
        if code not in self._found:
            owners = (lang for lang in self.all if code.startswith(lang.code_prefixes))
            hits = (r for lang in owners for r in lang.rules if r.info.code == code)
            self._found[code] = next(hits, None)
        return self._found[code]

    def rules(self) -> list[Rule[Any]]:
        """Every rule, in code order."""
        every = self._every_rule()
        return [every[c] for c in sorted(every)]

    def sections(self) -> list[str]:
        """Every kind's settings section name."""
        return [lang.settings_section for lang in self.all if lang.settings_section]

    def codes(self) -> list[str]:
        """Every rule code, sorted."""
        return sorted(self._every_rule())

    def watch_globs(self) -> list[str]:
        """Every kind's watch globs, without repeats."""
        out: dict[str, None] = {}
        for lang in self.all:
            for glob in lang.watch_globs:
                out[glob] = None
        return list(out)

    def offer(self, feature: str) -> bool:
        """Whether some kind offers the editor feature ``feature`` (a :class:`Features` field)."""
        return any(feature in lang.offered.features for lang in self.all)

    def trigger_characters(self) -> list[str]:
        """The union of every kind's completion trigger characters."""
        out: dict[str, None] = {}
        for lang in self.all:
            for char in lang.offered.trigger_characters:
                out[char] = None
        return list(out)

    def command(self, name: str) -> CommandSpec | None:
        """The command called ``name``."""
        for lang in self.all:
            for spec in lang.commands:
                if spec.name == name:
                    return spec
        return None

    def commands(self) -> list[str]:
        """Every command name."""
        return [spec.name for lang in self.all for spec in lang.commands]
