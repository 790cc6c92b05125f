"""Editing features: code actions, completion, hover, definition, links, symbols, folding.

Also whole-document formatting. Each handler converts LSP positions with the session's
:class:`~gowls.lsp.convert.Converter` and calls one pure function of the analysis layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types as lsp

from gowls.analysis.completion import CompletionKind, complete
from gowls.analysis.filekinds import kind_of
from gowls.analysis.hover import definition, hover, links
from gowls.analysis.modules import find_gowork
from gowls.analysis.outline import Symbol, folding_ranges, symbols
from gowls.analysis.snapshot import normalize
from gowls.lsp.convert import uri_to_path
from gowls.lsp.server import GowlsServer
from gowls.syntax.format import FormatError, format_modfile
from gowls.syntax.positions import LineIndex, Point, Span

_COMPLETION_KINDS = {
    CompletionKind.KEYWORD: lsp.CompletionItemKind.Keyword,
    CompletionKind.FOLDER: lsp.CompletionItemKind.Folder,
    CompletionKind.VERSION: lsp.CompletionItemKind.Value,
    CompletionKind.MODULE: lsp.CompletionItemKind.Module,
    CompletionKind.SETTING: lsp.CompletionItemKind.Property,
}

_SYMBOL_KINDS = {
    "module": lsp.SymbolKind.Module,
    "use": lsp.SymbolKind.Module,
    "require": lsp.SymbolKind.Package,
    "exclude": lsp.SymbolKind.Package,
    "replace": lsp.SymbolKind.Operator,
    "retract": lsp.SymbolKind.Event,
    "tool": lsp.SymbolKind.Function,
    "ignore": lsp.SymbolKind.File,
    "godebug": lsp.SymbolKind.Property,
    "go": lsp.SymbolKind.Constant,
    "toolchain": lsp.SymbolKind.Constant,
}

MIGRATE_COMMAND = "gowls.migrate"


def _target(ls: GowlsServer, uri: str) -> tuple[Path, LineIndex] | None:
    """The path of a go.mod/go.work URI and its line index, or None for other files."""
    path = uri_to_path(uri)
    if path is None or kind_of(path) is None:
        return None
    path = normalize(path)
    return path, ls.index_of(path)


def _symbol(ls: GowlsServer, index: LineIndex, sym: Symbol) -> lsp.DocumentSymbol:
    return lsp.DocumentSymbol(
        name=sym.name,
        detail=sym.detail or None,
        kind=_SYMBOL_KINDS.get(sym.verb, lsp.SymbolKind.Key),
        range=ls.converter.range(index, sym.span),
        selection_range=ls.converter.range(index, sym.selection),
        children=[_symbol(ls, index, c) for c in sym.children] or None,
    )


def _wants_kind(only: Sequence[lsp.CodeActionKind | str] | None, kind: lsp.CodeActionKind) -> bool:
    """Whether a code action request filtered by ``only`` kinds accepts ``kind``."""
    if not only:
        return True
    wanted = kind.value
    for entry in only:
        value = entry.value if isinstance(entry, lsp.CodeActionKind) else entry
        if value == "" or wanted == value or wanted.startswith(value + "."):
            return True
    return False


def register(server: GowlsServer) -> None:
    """Register the editing handlers."""

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.RefactorRewrite]
        ),
    )
    def code_action(ls: GowlsServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        found = _target(ls, params.text_document.uri)
        if found is None:
            return []
        path, index = found
        wanted = ls.converter.span(index, params.range)
        actions = []
        if _wants_kind(params.context.only, lsp.CodeActionKind.QuickFix):
            for finding in ls.result_for(path).findings:
                if finding.span.end < wanted.start or wanted.end < finding.span.start:
                    continue
                for fix in finding.fixes:
                    actions.append(
                        lsp.CodeAction(
                            title=fix.title,
                            kind=lsp.CodeActionKind.QuickFix,
                            diagnostics=ls.diagnostics([finding]),
                            edit=ls.converter.workspace_edit(fix, ls.index_of),
                            is_preferred=fix.safe or None,
                        )
                    )
        actions.extend(_migrate_actions(ls, path, wanted, params.context.only))
        return actions

    @server.feature(
        lsp.TEXT_DOCUMENT_COMPLETION,
        lsp.CompletionOptions(trigger_characters=[" ", "/", "."]),
    )
    def completion(ls: GowlsServer, params: lsp.CompletionParams) -> lsp.CompletionList | None:
        found = _target(ls, params.text_document.uri)
        if found is None:
            return None
        path, index = found
        point = ls.converter.point(index, params.position)
        items = []
        for cand in complete(ls.model.snapshot(), path, point):
            items.append(
                lsp.CompletionItem(
                    label=cand.label,
                    kind=_COMPLETION_KINDS[cand.kind],
                    detail=cand.detail or None,
                    documentation=(
                        lsp.MarkupContent(lsp.MarkupKind.Markdown, cand.documentation)
                        if cand.documentation
                        else None
                    ),
                    sort_text=cand.sort_text or None,
                    text_edit=lsp.TextEdit(ls.converter.range(index, cand.replace), cand.label),
                )
            )
        return lsp.CompletionList(is_incomplete=False, items=items)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: GowlsServer, params: lsp.HoverParams) -> lsp.Hover | None:
        found = _target(ls, params.text_document.uri)
        if found is None:
            return None
        path, index = found
        info = hover(ls.model.snapshot(), path, ls.converter.point(index, params.position))
        if info is None:
            return None
        return lsp.Hover(
            contents=lsp.MarkupContent(lsp.MarkupKind.Markdown, info.markdown),
            range=ls.converter.range(index, info.span),
        )

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def on_definition(ls: GowlsServer, params: lsp.DefinitionParams) -> lsp.Location | None:
        found = _target(ls, params.text_document.uri)
        if found is None:
            return None
        path, index = found
        target = definition(ls.model.snapshot(), path, ls.converter.point(index, params.position))
        if target is None:
            return None
        start = lsp.Position(0, 0)
        return lsp.Location(ls.uri_of(target.path), lsp.Range(start, start))

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_LINK)
    def document_links(ls: GowlsServer, params: lsp.DocumentLinkParams) -> list[lsp.DocumentLink]:
        found = _target(ls, params.text_document.uri)
        if found is None:
            return []
        path, index = found
        return [
            lsp.DocumentLink(
                range=ls.converter.range(index, t.origin),
                target=ls.uri_of(t.path),
                tooltip=f"Open {t.path.parent.name}/go.mod",
            )
            for t in links(ls.model.snapshot(), path)
        ]

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbols(
        ls: GowlsServer, params: lsp.DocumentSymbolParams
    ) -> list[lsp.DocumentSymbol]:
        found = _target(ls, params.text_document.uri)
        if found is None:
            return []
        path, index = found
        return [_symbol(ls, index, s) for s in symbols(ls.model.snapshot(), path)]

    @server.feature(lsp.TEXT_DOCUMENT_FOLDING_RANGE)
    def folding(ls: GowlsServer, params: lsp.FoldingRangeParams) -> list[lsp.FoldingRange]:
        found = _target(ls, params.text_document.uri)
        if found is None:
            return []
        path, _ = found
        return [
            lsp.FoldingRange(start_line=a, end_line=b, kind=lsp.FoldingRangeKind.Region)
            for a, b in folding_ranges(ls.model.snapshot(), path)
        ]

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    def formatting(
        ls: GowlsServer, params: lsp.DocumentFormattingParams
    ) -> list[lsp.TextEdit] | None:
        found = _target(ls, params.text_document.uri)
        if found is None:
            return None
        _, index = found
        data = index.data
        try:
            formatted = format_modfile(data)
        except FormatError:
            return None  # go would reject the file; leave it as written
        if formatted == data:
            return []
        end = index.point(len(data))
        whole = Span(Point(0, 0), end)
        return [lsp.TextEdit(ls.converter.range(index, whole), formatted.decode("utf-8"))]


def _migrate_actions(
    ls: GowlsServer, path: Path, wanted: Span, only: Sequence[lsp.CodeActionKind | str] | None
) -> list[lsp.CodeAction]:
    """Offer the go.work migration on a local replace of a go.mod."""
    if path.name != "go.mod" or not _wants_kind(only, lsp.CodeActionKind.RefactorRewrite):
        return []
    mod = ls.model.snapshot().gomod(path)
    if mod is None:
        return []
    if not any(
        r.is_local and r.statement.span.start.line == wanted.start.line for r in mod.replaces
    ):
        return []
    work = find_gowork(ls.model.snapshot(), path.parent)
    root = work.parent if work else _default_root(ls, path)
    title = "Add the local modules to go.work" if work else "Create a go.work for the local modules"
    return [
        lsp.CodeAction(
            title=title,
            kind=lsp.CodeActionKind.RefactorRewrite,
            command=lsp.Command(title, MIGRATE_COMMAND, arguments=[ls.uri_of(root)]),
        )
    ]


def _default_root(ls: GowlsServer, path: Path) -> Path:
    for root in ls.model.roots:
        if root == path.parent or root in path.parents:
            return root
    return path.parent.parent
