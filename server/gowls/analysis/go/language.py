"""go.work and go.mod as :class:`~gowls.analysis.language.Language` objects: what recognises
them and what they offer; their parser, rules and features (:mod:`gowls.analysis.go.parts`)
load when the first such file is analysed."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from pathlib import Path

from gowls.analysis.features import CommandResult, FileWrite
from gowls.analysis.language import CommandSpec, Discovery, Language, Offers, Parts
from gowls.analysis.snapshot import Snapshot, normalize

GOWORK_NAME = "go.work"
GOMOD_NAME = "go.mod"

MIGRATE_COMMAND = "gowls.migrate"
"""Create or update a go.work from local replace directives."""

TRIGGERS = (" ", "/", ".", "=")
"""Completion triggers: space and path separators; `=` opens GODEBUG values."""

_OFFERED = frozenset(
    {"completion", "hover", "definition", "links", "symbols", "folding", "format"}
    | {"references", "code_lenses"}
)


def _migrate(snapshot: Snapshot, args: Sequence[str]) -> CommandResult:
    """Plan the migration at the folder ``args[0]`` (default: the first root).

    The report names files relative to ``args[1]`` when given (the CLI's working directory),
    else to the folder.
    """
    if args and args[0]:
        root = normalize(Path(args[0]))
    elif snapshot.roots:
        root = snapshot.roots[0]
    else:
        raise ValueError("gowls.migrate needs a folder: pass its URI or open a workspace")
    # Imported on first use: the planner is not needed to start the server.
    from gowls.analysis.go.migrate import describe, plan_migration

    plan = plan_migration(snapshot, root)
    writes = (
        (FileWrite(plan.gowork, plan.new_text, plan.old_text, plan.existed),)
        if plan.changed
        else ()
    )
    data: dict[str, object] = {
        "gowork": plan.gowork,
        "changed": plan.changed,
        "added": plan.added,
        "go": plan.go_version,
    }
    base = Path(args[1]) if len(args) > 1 and args[1] else root
    return CommandResult(describe(plan, base), writes, data)


def _facts(doc: object) -> Hashable:
    """A go.mod's or go.work's facts for early cutoff (the document module loads with the
    kind's parts)."""
    from gowls.analysis.go.documents import facts

    return facts(doc)  # type: ignore[arg-type]


def _same_facts(old: object, new: object) -> bool:
    """Whether two go.work documents' facts are equal (the document module loads with the
    kind's parts)."""
    from gowls.analysis.go.documents import same_facts

    return same_facts(old, new)  # type: ignore[arg-type]


def _reader_facts(snapshot: Snapshot, path: Path, doc: object) -> Hashable:
    """A go.work's facts as the go.mod files reading it see them (loads with the parts)."""
    from gowls.analysis.go.modules import reader_facts

    return reader_facts(snapshot, path, doc)  # type: ignore[arg-type]


def _gowork_parts() -> Parts:
    from gowls.analysis.go import parts

    return parts.GOWORK


def _gomod_parts() -> Parts:
    from gowls.analysis.go import parts

    return parts.GOMOD


GOWORK = Language(
    name=GOWORK_NAME,
    code_prefixes=("GW",),
    discovery=Discovery(names=frozenset({GOWORK_NAME})),
    parts=_gowork_parts,
    watch_globs=("**/go.work",),
    commands=(CommandSpec(MIGRATE_COMMAND, _migrate),),
    offers=Offers(_OFFERED, TRIGGERS),
    facts=_facts,
    same_facts=_same_facts,
    reader_facts=_reader_facts,
)
"""go.work files."""

GOMOD = Language(
    name=GOMOD_NAME,
    code_prefixes=("GM",),
    discovery=Discovery(names=frozenset({GOMOD_NAME})),
    parts=_gomod_parts,
    watch_globs=("**/go.mod",),
    offers=Offers(_OFFERED | {"actions", "inlay_hints"}, TRIGGERS),
    facts=_facts,
)
"""go.mod files."""
