"""Project configuration: which rules run, at what severity, and which files are left alone.

A configuration lives in ``.gowls.toml`` or in the ``[tool.gowls]`` table of a
``pyproject.toml``; the nearest directory (walking up from a file) holding either is the
configuration's root, and ``exclude`` globs are relative to it::

    select = ["GW"]               # codes or prefixes; default: every rule
    ignore = ["GW104"]            # codes or prefixes taken out of the selection
    exclude = ["legacy/**", "examples"]

    [severity]                    # by code or prefix; "off" disables
    GW102 = "warning"
    GM = "error"

    [limits]
    max-file-size = 67108864      # bytes; bigger files are skipped with a `too-large` note

    [goreleaser]                  # a kind's own section (the kind reads and checks it);
    files = ["release/*.yml"]     # `files` names extra files of that kind, relative here

Both front ends apply it through :class:`Policy` after the rules ran (``engine.check_file``
with ``policy=``), together with the suppression comments of :mod:`gowls.analysis.suppress`.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gowls.analysis.findings import Finding, Severity
from gowls.analysis.limits import (
    DEFAULT_MAX_FILE_SIZE,
    LIMITS_TABLE,
    MAX_FILE_SIZE_KEY,
    Limits,
)
from gowls.analysis.source import is_dir, is_file
from gowls.analysis.suppress import Suppressions

CONFIG_FILE = ".gowls.toml"
PYPROJECT = "pyproject.toml"
CONFIG_FILE_NAMES = (CONFIG_FILE, PYPROJECT)
"""File names that may hold a configuration, in order of precedence within one directory."""

ALL = "ALL"
"""A selector matching every code."""

_KEYS = frozenset({"select", "ignore", "exclude", "severity", LIMITS_TABLE})


class ConfigError(ValueError):
    """A configuration file that cannot be read or does not follow the schema."""


@dataclass(frozen=True, slots=True)
class Selection:
    """One layer of rule selection: ``select`` (None: keep the previous layer's) and ``ignore``."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Config:
    """One configuration file's settings (or the defaults, with ``path`` None)."""

    path: Path | None = None
    """The file it was read from."""
    root: Path | None = None
    """The directory ``exclude`` globs are relative to."""
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, Severity | None] = field(default_factory=dict)
    """Severity by code or prefix; None turns the rule off."""
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Each kind's own table (``[goreleaser]``, ``[helm]``), as written."""
    limits: Limits = field(default_factory=Limits)

    def section(self, name: str) -> Mapping[str, Any]:
        """The table of kind section ``name`` (empty when absent)."""
        return self.sections.get(name, {})

    def names_file(self, name: str, path: Path) -> bool:
        """Whether the ``files`` globs of section ``name`` match ``path``."""
        patterns = self.section(name).get("files", ())
        if not patterns or self.root is None:
            return False
        try:
            rel = Path(os.path.relpath(path, self.root)).as_posix()
        except ValueError:
            return False
        return not rel.startswith("../") and any(
            _glob_regex(str(p).strip()).fullmatch(rel) for p in patterns
        )

    @property
    def selection(self) -> Selection:
        """The file's selection layer."""
        return Selection(self.select, self.ignore)

    def excludes(self, path: Path) -> bool:
        """Whether ``path`` (absolute) matches one of the ``exclude`` globs."""
        if not self.exclude or self.root is None:
            return False
        try:
            rel = Path(os.path.relpath(path, self.root)).as_posix()
        except ValueError:
            return False
        if rel.startswith("../") or rel == "..":
            return False
        return any(_glob_matches(pattern, rel) for pattern in self.exclude)

    def severity_for(self, code: str, default: Severity) -> Severity | None:
        """The configured severity of ``code`` (longest matching key wins), None if off."""
        best = -1
        chosen: Severity | None = default
        for key, value in self.severity.items():
            length = _match_length(key, code)
            if length > best:
                best, chosen = length, value
        return chosen


# -- selection ------------------------------------------------------------------------------
def _match_length(selector: str, code: str) -> int:
    """How specifically ``selector`` matches ``code`` (-1: not at all)."""
    if selector == ALL:
        return 0
    return len(selector) if code.startswith(selector) else -1


def _best(selectors: Iterable[str], code: str) -> int:
    return max((_match_length(s, code) for s in selectors), default=-1)


def is_enabled(code: str, layers: Sequence[Selection]) -> bool:
    """Whether ``code`` is selected after applying ``layers`` in order (defaults: all on).

    A layer with ``select`` replaces the selection so far; within a layer the more specific
    of the matching ``select`` and ``ignore`` entries wins (``ignore`` on a tie).
    """
    enabled = True
    for layer in layers:
        ignored = _best(layer.ignore, code)
        if layer.select is not None:
            selected = _best(layer.select, code)
            enabled = selected >= 0 and selected > ignored
        elif ignored >= 0:
            enabled = False
    return enabled


def split_codes(values: Iterable[str]) -> tuple[str, ...]:
    """``["GW1,GM", "GW102"]`` → ``("GW1", "GM", "GW102")`` (upper-cased, blanks dropped)."""
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            part = part.strip()
            if part:
                out.append(ALL if part.upper() == ALL else part.upper())
    return tuple(out)


def check_selectors(selectors: Iterable[str], known: Iterable[str], where: str) -> None:
    """Raise :class:`ConfigError` for a selector that matches no known code."""
    codes = list(known)
    for selector in selectors:
        if selector != ALL and not any(code.startswith(selector) for code in codes):
            raise ConfigError(f"{where}: unknown rule code or prefix {selector!r}")


# -- globs ----------------------------------------------------------------------------------
@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A regex for a glob: ``**`` any number of directories, ``*``/``?`` within one name.

    A pattern without ``/`` matches a file or directory name at any depth; a pattern with one
    is anchored at the configuration's directory. Matching a directory matches what is in it.
    """
    pattern = pattern.strip()
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    if pattern.startswith("./"):
        pattern = pattern[2:]
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            close = pattern.find("]", i + 1)
            if close < 0:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1 : close]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = close + 1
                continue
        else:
            out.append(re.escape(char))
        i += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"{prefix}{''.join(out)}(?:/.*)?")


def _glob_matches(pattern: str, rel: str) -> bool:
    return _glob_regex(pattern).fullmatch(rel) is not None


# -- loading --------------------------------------------------------------------------------
def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of strings")
    return tuple(value)


def parse_config(
    table: Mapping[str, Any],
    path: Path,
    known: Iterable[str] = (),
    sections: Iterable[str] = (),
) -> Config:
    """Build a :class:`Config` from the ``gowls`` table of ``path``.

    ``sections`` are the kinds' own table names; each must be a table, and a ``files`` entry
    in it a list of strings (the kind checks the rest).
    """
    where = str(path)
    allowed = _KEYS | set(sections)
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(
            f"{where}: unknown setting {unknown[0]!r} (known: {', '.join(sorted(allowed))})"
        )
    kind_tables: dict[str, Mapping[str, Any]] = {}
    for name in sorted(set(table) & set(sections)):
        value = table[name]
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: [{name}] must be a table")
        if "files" in value:  # one glob may be a plain string: every reader gets a list
            value = {**value, "files": list(_strings(value["files"], f"{name}.files", where))}
        kind_tables[name] = value
    select = split_codes(_strings(table["select"], "select", where)) if "select" in table else None
    ignore = split_codes(_strings(table.get("ignore", []), "ignore", where))
    exclude = _strings(table.get("exclude", []), "exclude", where)
    raw_severity = table.get("severity", {})
    if not isinstance(raw_severity, dict):
        raise ConfigError(f'{where}: `severity` must be a table of CODE = "severity"')
    severity: dict[str, Severity | None] = {}
    for key, value in raw_severity.items():
        if not isinstance(value, str):
            raise ConfigError(f"{where}: severity of {key} must be a string")
        if value.strip().lower() == "off":
            severity[key.upper()] = None
            continue
        try:
            severity[key.upper()] = Severity.parse(value)
        except ValueError:
            raise ConfigError(
                f"{where}: severity of {key} must be error, warning, information, hint or off, "
                f"not {value!r}"
            ) from None
    # `known` is read only for selectors to check (the server's loads every kind's rules).
    known_codes = list(known) if select or ignore or severity else []
    if known_codes:
        check_selectors(select or (), known_codes, where)
        check_selectors(ignore, known_codes, where)
        check_selectors(severity, known_codes, where)
    limits = _limits(table.get(LIMITS_TABLE, {}), where)
    return Config(path, path.parent, select, ignore, exclude, severity, kind_tables, limits)


def _limits(table: Any, where: str) -> Limits:
    """The ``[limits]`` table."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: `{LIMITS_TABLE}` must be a table")
    unknown = sorted(set(table) - {MAX_FILE_SIZE_KEY})
    if unknown:
        raise ConfigError(f"{where}: unknown limit {unknown[0]!r} (known: {MAX_FILE_SIZE_KEY})")
    size = table.get(MAX_FILE_SIZE_KEY, DEFAULT_MAX_FILE_SIZE)
    if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
        raise ConfigError(f"{where}: `{MAX_FILE_SIZE_KEY}` must be a positive number of bytes")
    return Limits(size)


def load_config(
    path: Path, known: Iterable[str] = (), sections: Iterable[str] = ()
) -> Config | None:
    """The configuration in ``path`` (None for a pyproject.toml without ``[tool.gowls]``)."""
    import tomllib  # ~10 ms of imports, needed only where a configuration file exists

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == PYPROJECT:
        tool = data.get("tool")
        table = tool.get("gowls") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.gowls] must be a table")
        data = table
    return parse_config(data, Path(os.path.normpath(os.path.abspath(path))), known, sections)


class _Codes:
    """The rule codes selectors may name, from a list or from a function called the first
    time a configuration names a selector (the server passes one: reading the codes loads
    every kind's rules)."""

    def __init__(self, known: Sequence[str] | Callable[[], Sequence[str]]) -> None:
        self._source = known
        self._codes: list[str] | None = None

    def __iter__(self) -> Iterator[str]:
        if self._codes is None:
            known = self._source
            self._codes = sorted(known() if callable(known) else known)
        return iter(self._codes)


class ConfigResolver:
    """Finds the configuration that governs each file, reading each config file once.

    ``explicit`` (``--config FILE``) governs every file. Otherwise a file is governed by the
    nearest configuration in its directory or above, else by the one found from ``fallback``
    (the working directory) upwards, else by the defaults.
    """

    def __init__(
        self,
        known: Sequence[str] | Callable[[], Sequence[str]],
        explicit: Path | None = None,
        fallback: Path | None = None,
        strict: bool = True,
        sections: Sequence[str] = (),
    ) -> None:
        self._known = _Codes(known)
        self._sections = tuple(sections)
        self.strict = strict
        """Raise :class:`ConfigError` for a broken file; otherwise record it and use defaults."""
        self.errors: dict[Path, ConfigError] = {}
        """With ``strict=False``: the broken configuration files met so far."""
        self._explicit: Config | None = None
        if explicit is not None:
            loaded = load_config(Path(os.path.abspath(explicit)), self._known, self._sections)
            if loaded is None:
                raise ConfigError(f"{explicit}: no [tool.gowls] table")
            self._explicit = loaded
        self._fallback = Path(os.path.abspath(fallback)) if fallback is not None else None
        self._by_dir: dict[Path, Config | None] = {}
        self._by_path: dict[Path, Config] = {}

    def invalidate(self) -> None:
        """Forget what was read (a configuration file was created, changed or deleted)."""
        self._by_dir.clear()
        self._by_path.clear()
        self.errors.clear()

    def _load(self, candidate: Path) -> Config | None:
        try:
            return load_config(candidate, self._known, self._sections)
        except ConfigError as exc:
            if self.strict:
                raise
            self.errors[candidate] = exc
            return Config(candidate, candidate.parent)

    def _nearest(self, directory: Path) -> Config | None:
        chain: list[Path] = []
        found: Config | None = None
        current = directory
        while True:
            if current in self._by_dir:
                found = self._by_dir[current]
                break
            chain.append(current)
            hit = None
            for name in CONFIG_FILE_NAMES:
                candidate = current / name
                if is_file(candidate):
                    hit = self._load(candidate)
                    if hit is not None:
                        break
            if hit is not None:
                found = hit
                break
            if current.parent == current:
                break
            current = current.parent
        for d in chain:
            self._by_dir[d] = found
        return found

    def for_path(self, path: Path) -> Config:
        """The configuration governing ``path`` (a file or directory)."""
        if self._explicit is not None:
            return self._explicit
        known = self._by_path.get(path)  # asked for every file, twice per check
        if known is not None:
            return known
        absolute = Path(os.path.abspath(path))
        found = self._nearest(absolute if is_dir(absolute) else absolute.parent)
        if found is None and self._fallback is not None:
            found = self._nearest(self._fallback)
        config = self._by_path[path] = found or Config()
        return config


@dataclass(frozen=True, slots=True)
class Policy:
    """Configuration plus command-line selection, applied to a file's findings in one place."""

    resolver: ConfigResolver
    overrides: Selection = Selection()
    """The command line's ``--select``/``--ignore`` (applied after the file's own)."""
    suppressions: bool = True
    """Whether ``gowls:ignore`` comments are honoured."""

    def config_for(self, path: Path) -> Config:
        """The configuration governing ``path``."""
        return self.resolver.for_path(path)

    def excludes(self, path: Path) -> bool:
        """Whether ``path`` is excluded by its configuration."""
        return self.config_for(path).excludes(path)

    def section(self, name: str, path: Path) -> Mapping[str, Any]:
        """Kind section ``name`` of the configuration governing ``path``."""
        try:
            return self.config_for(path).section(name)
        except ConfigError:
            return {}

    def names_file(self, name: str, path: Path) -> bool:
        """Whether the configuration governing ``path`` names it a file of kind ``name``."""
        try:
            return self.config_for(path).names_file(name, path)
        except ConfigError:
            return False

    def apply(
        self, path: Path, findings: Iterable[Finding], silenced: Suppressions | None
    ) -> list[Finding]:
        """Drop excluded, unselected, switched-off and suppressed findings; adjust severities."""
        config = self.config_for(path)
        if config.excludes(path):
            return []
        layers = (config.selection, self.overrides)
        if not self.suppressions:
            silenced = None
        out: list[Finding] = []
        # Asked once per code and default severity: a file's findings mostly share a few.
        enabled: dict[str, bool] = {}
        graded: dict[tuple[str, Severity], Severity | None] = {}
        for f in findings:
            code = f.code
            on = enabled.get(code)
            if on is None:
                on = enabled[code] = is_enabled(code, layers)
            if not on:
                continue
            grade = (code, f.severity)
            if grade in graded:
                severity = graded[grade]
            else:
                severity = graded[grade] = config.severity_for(code, f.severity)
            if severity is None:
                continue
            if silenced is not None and silenced.covers(f.span.start.line, f.code):
                continue
            out.append(f if severity is f.severity else dataclasses.replace(f, severity=severity))
        return out
