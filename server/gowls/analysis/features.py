"""What editor features answer, in the analysis layer's own terms (no LSP types).

Every kind's completion, hover, definition, outline, folding, code actions and inlay hints
return these; the LSP adapter converts them in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from gowls.analysis.findings import Fix
from gowls.syntax.positions import Point, Span


class CompletionKind(Enum):
    """What a completion inserts."""

    KEYWORD = "keyword"
    FOLDER = "folder"
    FILE = "file"
    VERSION = "version"
    MODULE = "module"
    SETTING = "setting"
    PROPERTY = "property"
    VALUE = "value"
    FIELD = "field"
    FUNCTION = "function"
    SNIPPET = "snippet"


@dataclass(frozen=True, slots=True)
class Completion:
    """One completion candidate; ``replace`` is the span the insert text replaces."""

    label: str
    kind: CompletionKind
    detail: str
    replace: Span
    documentation: str = ""
    sort_text: str = ""
    insert_text: str = ""
    """Text to insert instead of ``label`` (plain text, no snippet syntax)."""


@dataclass(frozen=True, slots=True)
class HoverInfo:
    """Markdown to show for the token at ``span``."""

    markdown: str
    span: Span


@dataclass(frozen=True, slots=True)
class Target:
    """A place to jump to: the token it starts from, the file and (optionally) the span there."""

    origin: Span
    path: Path
    span: Span | None = None
    tooltip: str = ""


class SymbolKind(Enum):
    """The project's own outline symbol kinds (the LSP adapter maps them)."""

    MODULE = "module"
    PACKAGE = "package"
    OPERATOR = "operator"
    EVENT = "event"
    FUNCTION = "function"
    FILE = "file"
    PROPERTY = "property"
    CONSTANT = "constant"
    KEY = "key"
    OBJECT = "object"
    ARRAY = "array"
    STRING = "string"
    NUMBER = "number"
    BOOLEAN = "boolean"
    NULL = "null"
    VARIABLE = "variable"


@dataclass(frozen=True, slots=True)
class Symbol:
    """An outline entry and the entries inside it."""

    name: str
    detail: str
    kind: SymbolKind
    span: Span
    selection: Span
    children: tuple[Symbol, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Fold:
    """A foldable range of zero-based lines."""

    start_line: int
    end_line: int


@dataclass(frozen=True, slots=True)
class Command:
    """A server command a code action runs (``name`` is one of the kind's commands).

    ``Path`` arguments travel as URIs over LSP and come back to the command as path strings.
    """

    name: str
    title: str
    arguments: tuple[str | Path, ...] = ()


class ActionKind(Enum):
    """The code action kinds gowls offers beyond the quick fixes attached to findings."""

    QUICK_FIX = "quickfix"
    REFACTOR_REWRITE = "refactor.rewrite"
    SOURCE = "source"


@dataclass(frozen=True, slots=True)
class Action:
    """A code action a kind offers for a range: edits to apply, or a command to run."""

    title: str
    kind: ActionKind
    fix: Fix | None = None
    command: Command | None = None


@dataclass(frozen=True, slots=True)
class InlayHint:
    """A label shown after ``point`` (e.g. the value a reference resolves to)."""

    point: Point
    label: str
    tooltip: str = ""


@dataclass(frozen=True, slots=True)
class FileWrite:
    """A whole file a command creates or replaces."""

    path: Path
    text: str
    old_text: str
    existed: bool


@dataclass(frozen=True, slots=True)
class CommandResult:
    """What a kind's command produced: files to write, a report, and facts for the caller.

    ``data`` values that are ``Path`` objects reach LSP clients as URIs.
    """

    message: str
    writes: tuple[FileWrite, ...] = ()
    data: dict[str, object] = field(default_factory=dict)
