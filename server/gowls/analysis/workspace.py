"""The live workspace model: roots, open documents, known files and the latest results.

Both front ends drive this one object.  ``--check`` builds it once and checks every file in
one pass; the language server keeps it for the session, feeding it buffer edits and
file-system events, and asks which files need their findings recomputed (those whose recorded
reads touch a change).  Every pass runs in a single :class:`Snapshot`, so workspace-wide
indexes are built once per pass however many files it checks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gowls.analysis.engine import FileResult, check_file, discover, related_files
from gowls.analysis.language import Document, Language, Languages
from gowls.analysis.limits import Limits
from gowls.analysis.readers import ReadIndex
from gowls.analysis.reuse import ChangeLog, DiskCache, SharedMemo
from gowls.analysis.snapshot import ParseCache, Snapshot, normalize
from gowls.analysis.source import (
    Dependencies,
    FileSource,
    Key,
    OpenDocument,
    doc_key,
    exists,
    facet_key,
    facets_key,
    is_dir,
    is_file,
    is_skipped_dir,
    key_path,
    stat_key,
)
from gowls.syntax.alloc import gc_paused

if TYPE_CHECKING:
    from gowls.analysis.config import Policy

log = logging.getLogger(__name__)

_Seen = tuple[Document, list[Hashable], tuple[Hashable, Dependencies] | None]
"""A document as its readers last saw it, its facts (computed when first compared) and its
reader facts with their reads."""


def _reads(result: FileResult | None, keys: frozenset[Key]) -> bool:
    return result is not None and result.depends_on.intersects(keys)


class Workspace:
    """Roots, overlay, discovered files and per-file results with their dependencies."""

    def __init__(
        self,
        roots: Sequence[Path] = (),
        policy: Policy | None = None,
        *,
        languages: Languages,
    ) -> None:
        self.roots: list[Path] = [normalize(r) for r in roots]
        self.policy = policy
        """Configuration and suppressions applied to every result (None: report everything)."""
        self.languages = languages
        self.overlay: dict[Path, OpenDocument] = {}
        self.cache = ParseCache()
        self.files: set[Path] = set()
        """Supported files known to exist (discovered, opened, or brought in by another file)."""
        self.results: dict[Path, FileResult] = {}
        """Per file, its latest result (changed through :meth:`store` and the events that
        forget files: :attr:`_read_index` follows it)."""
        self._read_index = ReadIndex()
        """The stored results by the keys they read (what :meth:`affected` looks up)."""
        self.passes = 0
        """How many analysis passes have run to completion (each pass is one snapshot)."""
        self.unreadable_dirs: dict[Path, str] = {}
        """Directories the last discovery could not list or search: path → reason."""
        self.last_checked = 0
        """How many files the last completed pass checked (the edited ones included)."""
        self.log = ChangeLog()
        """Every change the workspace was told about (what ``shared`` entries check)."""
        self.shared: SharedMemo | None = None
        self.disk: DiskCache | None = None
        self._reports: dict[Key, bool] = {}
        self._watched_paths: dict[Path, bool] = {}
        self._seen: dict[Path, _Seen] = {}
        """Each file's document as the files reading it last saw it, its facts (computed
        when first compared) and its reader facts: the base of early cutoff."""
        self._spared_reads: dict[Path, tuple[Dependencies, frozenset[Key]]] = {}
        """Per file, the reads behind the reader facts that last spared its readers (a use
        of a directory without a go.mod: that go.mod's existence), less the keys of an edit
        of the file itself: a change of one of them re-checks every reader of the file, as
        if each had read it."""

    # -- snapshots ------------------------------------------------------------------------
    def snapshot(self, alone: bool = False) -> Snapshot:
        """A view of the current state (the overlay is copied: later edits do not leak in);
        ``alone``: for checking files before the workspace is scanned (``Snapshot.alone``)."""
        source = FileSource(dict(self.overlay), self.limits().max_file_size, self.disk)
        return Snapshot(
            source,
            self.languages,
            self.cache,
            tuple(self.roots),
            self.policy,
            self.shared,
            self.log.generation,
            alone,
        )

    def keep_between_passes(self) -> None:
        """Keep disk contents and shared indexes across snapshots (the language server, once
        the client watches the files: their changes then arrive as :meth:`file_event`)."""
        self.shared = SharedMemo(self.log, self._reported)
        self.disk = DiskCache(self._watched)

    def _watched(self, path: Path) -> bool:
        """Whether the editor reports changes of this file (a kind's file under a root);
        remembered until the roots change (asked for every file a pass reads)."""
        known = self._watched_paths.get(path)
        if known is None:
            known = self.languages.candidate(path.name) and self.in_scope(path)
            self._watched_paths[path] = known
        return known

    def _reported(self, key: Key) -> bool:
        """Whether a change of what ``key`` read is reported: a watched file's bytes,
        existence or document, or the listing of a directory under a root (a new watched
        file in it is an event that touches its directories)."""
        known = self._reports.get(key)
        if known is None:
            path = key_path(key)
            known = self._watched(path) or (
                isinstance(key, Path) and self.in_scope(path) and is_dir(path)
            )
            self._reports[key] = known
        return known

    def forget_kept(self) -> None:
        """Drop everything kept across snapshots (configuration or roots changed)."""
        self._reports.clear()
        self._watched_paths.clear()
        if self.shared is not None:
            self.shared.clear()
        if self.disk is not None:
            self.disk.clear()

    def change_keys(self, path: Path, content_only: bool) -> set[Key]:
        """The reads a change of ``path`` touches: its bytes and documents; unless only its
        content changed, also its existence and its directories' listings."""
        kinds = self.languages
        keys: set[Key] = {path, *(doc_key(path, kind) for kind in kinds.fact_kinds)}
        keys.update(facets_key(path, kind) for kind in kinds.facet_kinds)
        if not content_only:
            keys.add(stat_key(path))
            for parent in path.parents:
                keys.add(parent)
                keys.add(stat_key(parent))
        return keys

    def limits(self) -> Limits:
        """The limits configured at the first root (the defaults without one)."""
        if self.policy is None or not self.roots:
            return Limits()
        try:
            return self.policy.config_for(self.roots[0]).limits
        except ValueError:  # a broken configuration is reported where it is applied
            return Limits()

    # -- discovery ------------------------------------------------------------------------
    def discover_files(self, roots: Sequence[Path] | None = None) -> list[Path]:
        """Supported files under ``roots`` (default: all roots) and the files they bring in.

        Changes no state but :attr:`unreadable_dirs` (replaced whole): safe to run in a worker
        thread while the server handles requests.
        """
        snapshot = self.snapshot()
        wanted = self.roots if roots is None else [normalize(r) for r in roots]
        found = discover(snapshot.source, self.languages, wanted)
        named = set(wanted)  # a file named explicitly is checked alone
        # a named file only a configuration's `files` claims (discover knows no settings)
        found += [
            w
            for w in wanted
            if w not in found and snapshot.source.is_file(w) and snapshot.language_of(w)
        ]
        self.unreadable_dirs = dict(snapshot.source.refused_dirs)
        walked = [f for f in found if f not in named]
        configured = self._configured_files(snapshot, [w for w in wanted if is_dir(w)])
        return sorted({*found, *configured, *related_files(snapshot, [*walked, *configured])})

    def _configured_files(self, snapshot: Snapshot, roots: Sequence[Path]) -> list[Path]:
        """Files the configurations at ``roots`` name for a kind (its section's ``files``)."""
        if self.policy is None:
            return []
        out: list[Path] = []
        for root in roots:
            config = self.policy.config_for(root)
            if config.root is None:
                continue
            for lang in self.languages.all:
                section = lang.settings_section
                patterns = config.section(section).get("files", ()) if section else ()
                for pattern in patterns:
                    for hit in _glob_files(config.root, str(pattern)):
                        hit = normalize(hit)
                        inside = hit == root or root in hit.parents
                        if inside and is_file(hit) and snapshot.language_of(hit) is not None:
                            out.append(hit)
        return out

    def add_files(self, found: Sequence[Path]) -> None:
        """Record discovered files."""
        self.files.update(found)

    def scan(self) -> list[Path]:
        """Find and record every supported file under the roots."""
        found = self.discover_files()
        self.add_files(found)
        return found

    def remove_root(self, root: Path) -> list[Path]:
        """Forget a root and the files (not open in the editor) only it covered."""
        root = normalize(root)
        self.forget_kept()
        if root in self.roots:
            self.roots.remove(root)
        gone = [
            p
            for p in self.files
            if (p == root or root in p.parents) and not self.in_scope(p) and p not in self.overlay
        ]
        for path in gone:
            self.files.discard(path)
            self.results.pop(path, None)
            self._read_index.remove(path)
        return gone

    def in_scope(self, path: Path) -> bool:
        """Whether ``path`` lies under a root and outside skipped directories."""
        for root in self.roots:
            if path == root or root in path.parents:
                rel = path.relative_to(root).parts[:-1]
                return not any(is_skipped_dir(part, self.languages.enter_dirs) for part in rel)
        return False

    def is_supported(self, path: Path) -> bool:
        """Whether some kind claims ``path`` (reads its neighbours when a kind needs them)."""
        return self.snapshot().language_of(normalize(path)) is not None

    # -- buffers --------------------------------------------------------------------------
    def open(self, path: Path, text: str, version: int | None) -> None:
        """A document was opened (or its whole text replaced)."""
        path = normalize(path)
        content_only = path in self.overlay
        self.overlay[path] = OpenDocument(text, version)
        self.log.record(self.change_keys(path, content_only))
        if self.is_supported(path):
            self.files.add(path)

    def close(self, path: Path) -> None:
        """A document was closed: its text comes from disk again."""
        path = normalize(path)
        self.overlay.pop(path, None)
        if self.disk is not None:
            self.disk.invalidate(path)  # saved meanwhile, perhaps without an event
        self.log.record(self.change_keys(path, False))
        if not exists(path):
            self.files.discard(path)
            self.cache.forget(path)

    # -- changes --------------------------------------------------------------------------
    def file_event(self, path: Path, deleted: bool) -> None:
        """A file was created, changed or deleted on disk."""
        path = normalize(path)
        keys = self.change_keys(path, False)
        if deleted:  # a directory's deletion may come as one event for the directory
            below = {p for p in self.files if path in p.parents}
            if self.disk is not None:
                below.update(self.disk.known_under(path))
            for inner in below:
                keys |= self.change_keys(inner, False)
                if self.disk is not None:
                    self.disk.invalidate(inner)
        if self.disk is not None:
            self.disk.invalidate(path)
        self.log.record(keys)
        if deleted:
            self.cache.forget(path)
            if path not in self.overlay:
                self.files.discard(path)
                self.results.pop(path, None)
                self._read_index.remove(path)
        elif (self.in_scope(path) or path in self.overlay) and self.is_supported(path):
            self.files.add(path)

    def affected(
        self,
        changed: Iterable[Path],
        snapshot: Snapshot | None = None,
        edited: Iterable[Path] = (),
        results: Iterable[tuple[Path, FileResult]] | None = None,
    ) -> list[Path]:
        """Known files whose findings may differ after ``changed`` paths changed.

        ``edited`` paths changed only in content (a buffer edit: the file and its directory
        listing still exist as before). Files that read such a path's document are re-checked
        only when its facts (``Language.facts``) differ in ``snapshot`` from what they last
        saw (early cutoff); files that read only some facets of it, only when one of those
        differs (``Language.facet_changes``); files that read its bytes always are.
        ``results`` is a copy of :attr:`results` when called off the thread that stores them.
        """
        edited = set(edited)
        keys: set[Key] = set()
        documents: dict[Path, frozenset[Key]] = {}
        faceted: dict[Path, Key] = {}
        out: set[Path] = set()
        for raw in changed:
            path = normalize(raw)
            out.add(path)
            keys |= self.change_keys(path, path in edited)
            if path in edited and snapshot is not None:
                # Readers of its documents are re-checked only if its facts changed; the
                # facts are compared only when someone reads them (a standalone go.mod has
                # no reader, and its facts cost as much as its requirements).
                language = snapshot.language_of(path)
                if language is not None and language.facts is not None:
                    key = doc_key(path, language.name)
                    keys.discard(key)
                    documents[path] = frozenset({key})
                    if language.facet_changes is not None:
                        faceted[path] = facets_key(path, language.name)
                        keys.discard(faceted[path])
        for path, (spared, own) in self._spared_reads.items():
            if spared.intersects(keys - own):
                keys |= {doc_key(path, kind) for kind in self.languages.fact_kinds}
                documents.pop(path, None)
                if path in faceted:
                    keys.add(faceted.pop(path))
        weak: frozenset[Key] = frozenset().union(*documents.values(), faceted.values())
        indexed, walked = self._readers(keys, weak, out, results)
        if (indexed or walked) and snapshot is not None:
            moved: list[Path] = []
            resolved: list[tuple[Path, Dependencies]] = []
            for path in documents:
                if self.same_facts(snapshot, path):
                    continue
                reads = self.same_reader_facts(snapshot, path)
                if reads is None:
                    moved.append(path)
                else:
                    resolved.append((path, reads))
            if moved:
                # The reads that changed: the documents, and the facets of those read by
                # facets that differ (every facet of one whose changes are unknown).
                hot: set[Key] = set().union(*(documents[p] for p in moved))
                for p in moved:
                    if p in faceted:
                        facets = self.changed_facets(snapshot, p)
                        hot.update({faceted[p]} if facets is None else facets)
                changed_reads = frozenset(hot)
                held = self._read_index.result
                out.update(p for p in indexed if _reads(held(p), changed_reads))
                out.update(p for p, r in walked.items() if r.depends_on.intersects(changed_reads))
            for path, reads in resolved:
                # What the spared readers' findings now also rest on (the reads of an older
                # resolution are superseded: the facts were resolved again here).
                self._spared_reads[path] = (reads, frozenset(self.change_keys(path, True)))
        return sorted(p for p in out if p in self.files)

    def _readers(
        self,
        keys: set[Key],
        weak: frozenset[Key],
        out: set[Path],
        results: Iterable[tuple[Path, FileResult]] | None,
    ) -> tuple[set[Path], dict[Path, FileResult]]:
        """Add to ``out`` the stored files that read one of ``keys``; return those (not in
        ``out``) that read only some of ``weak``: ``Dependencies.touches`` of every result,
        answered by the read index. A ``results`` copy equal to the indexed results (each
        the same result or an equal one: dependencies compare by identity) is answered by
        the index alone; another is walked, the index answering for each result it holds
        (the same object), the result itself for any other. The readers come back as the
        paths of indexed results and the other results by path."""
        index = self._read_index
        hard, soft = index.touching(frozenset(keys), weak)
        walked: dict[Path, FileResult] = {}
        if results is not None and not isinstance(results, list):
            results = list(results)  # walked twice below: holds() and, if not, the loop
        if results is None or index.holds(results):
            before = frozenset(out)
            out.update(hard - before)
            return soft - hard - before, walked
        indexed: set[Path] = set()
        for path, result in results:
            if path in out:
                continue
            held = index.result(path) is result
            if held:
                touched = 2 if path in hard else 1 if path in soft else 0  # what touches() says
            else:
                touched = result.depends_on.touches(keys, weak)
            if touched == 2:
                out.add(path)
            elif touched == 1 and held:
                indexed.add(path)
            elif touched == 1:
                walked[path] = result
        return indexed, walked

    def same_reader_facts(self, snapshot: Snapshot, path: Path) -> Dependencies | None:
        """The reads behind ``path``'s reader facts (``Language.reader_facts``) in
        ``snapshot`` if they equal those of the last complete pass, else None."""
        seen = self._seen.get(path)
        if seen is None or seen[2] is None:
            return None
        now = self._reader_facts(snapshot, path)
        if now is None or now[0] != seen[2][0]:
            return None
        return now[1]

    def _reader_facts(self, snapshot: Snapshot, path: Path) -> tuple[Hashable, Dependencies] | None:
        """``path``'s reader facts in ``snapshot`` with their reads (once per snapshot), or
        None for a kind without them."""
        language = snapshot.language_of(path)
        doc = snapshot.document(path, language) if language is not None else None
        if language is None or doc is None or language.reader_facts is None:
            return None
        compute = language.reader_facts

        def resolve() -> tuple[Hashable, Dependencies]:
            reads = snapshot.source.start_recording()
            try:
                value = compute(snapshot, path, doc)
            finally:
                snapshot.source.stop_recording(reads)
            return value, reads.freeze()

        try:
            return snapshot.memo(("reader-facts", path, id(doc)), resolve)
        except Exception:  # no cutoff then: every reader is re-checked
            log.exception("reader facts of %s failed", path)
            return None

    def changed_facets(self, snapshot: Snapshot, path: Path) -> frozenset[Key] | None:
        """The facet keys of ``path``'s document that differ in ``snapshot`` from the document
        its readers last saw (None: any may)."""
        found = self._since_seen(snapshot, path)
        if found is None:
            return None
        language, (old_doc, _, _), doc = found
        if language.facet_changes is None:
            return None
        changed = language.facet_changes(old_doc, doc)
        if changed is None:
            return None
        return frozenset(facet_key(path, language.name, facet) for facet in changed)

    def _since_seen(
        self, snapshot: Snapshot, path: Path
    ) -> tuple[Language, _Seen, Document] | None:
        """``path``'s kind, what its readers last saw of it, and its document in
        ``snapshot``; None when any is missing."""
        language = snapshot.language_of(path)
        seen = self._seen.get(path)
        if language is None or seen is None:
            return None
        doc = snapshot.document(path, language)
        return None if doc is None else (language, seen, doc)

    def same_facts(self, snapshot: Snapshot, path: Path) -> bool:
        """Whether ``path``'s document in ``snapshot`` tells other files what it told them
        when they were last checked (its kind's ``facts`` are equal)."""
        found = self._since_seen(snapshot, path)
        if found is None:
            return False
        language, (old_doc, memo, _), doc = found
        if language.facts is None:
            return False
        if doc is old_doc:
            return True
        if language.same_facts is not None:
            return language.same_facts(old_doc, doc)
        if not memo:
            memo.append(language.facts(old_doc))
        return memo[0] == language.facts(doc)

    def commit(self, snapshot: Snapshot | None, paths: Iterable[Path]) -> None:
        """Every reader of ``paths`` has now seen their documents in ``snapshot`` (a pass
        that re-checked what they affect completed): the new base of early cutoff. Without
        a snapshot (a failed pass) the next change of ``paths`` re-checks every reader."""
        for path in paths:
            path = normalize(path)
            if snapshot is None:
                self._seen.pop(path, None)
                continue
            language = snapshot.language_of(path)
            doc = snapshot.document(path, language) if language is not None else None
            if doc is None or language is None or language.facts is None:
                self._seen.pop(path, None)
            else:
                self._seen[path] = (doc, [], self._reader_facts(snapshot, path))

    def compute(
        self,
        snapshot: Snapshot,
        paths: Iterable[Path],
        progress: Callable[[Path], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[FileResult] | None:
        """Results of ``paths`` in one snapshot, without storing them (safe in a worker thread).

        None when ``cancelled()`` turns true between two files (a newer edit made the pass
        stale: the rest of its work would be thrown away anyway). The cyclic collector waits
        until the pass ends: a pass keeps what it builds, and collections over a big
        workspace's documents would only slow it down.
        """
        out = []
        with gc_paused():
            for path in paths:
                if cancelled is not None and cancelled():
                    return None
                out.append(check_file(snapshot, path, self.policy))
                if progress is not None:
                    progress(path)
        return out

    def store(self, results: Iterable[FileResult]) -> None:
        """Keep results computed by :meth:`compute` (for files still known)."""
        for result in results:
            self.results[result.path] = result
            self._read_index.add(result)

    def check(
        self, paths: Iterable[Path], progress: Callable[[Path], None] | None = None
    ) -> list[FileResult]:
        """Recompute and store the results of ``paths``: one analysis pass, one snapshot."""
        self.passes += 1
        results = self.compute(self.snapshot(), paths, progress)
        assert results is not None  # never cancelled
        self.store(results)
        return results

    def check_all(self) -> list[FileResult]:
        """Recompute every known file."""
        return self.check(sorted(self.files))


def _glob_files(base: Path, pattern: str) -> list[Path]:
    """What ``pattern`` of a configuration's ``files`` names under ``base``, as
    ``Config.names_file`` reads it: a pattern without ``/`` matches at any depth, and a
    matched directory names what is in it."""
    pattern = pattern.strip()
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/").removeprefix("./")
    if not pattern:
        return []
    out: list[Path] = []
    for hit in sorted(base.glob(pattern if anchored else f"**/{pattern}")):
        out.extend(sorted(p for p in hit.rglob("*") if p.is_file()) if hit.is_dir() else [hit])
    return out
