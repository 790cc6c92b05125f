"""Editing features: code actions, completion, hover, definition, references, links, symbols,
folding, formatting and inlay hints.

Each handler finds the document's kind, converts positions with the session's
:class:`~gowls.lsp.convert.Converter` and calls that kind's feature (a pure function of the
analysis layer); a kind without the feature answers nothing. Requests never wait for the
analysis queue: they read their own snapshot.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from lsprotocol import types as lsp

from gowls.analysis.engine import check_file
from gowls.analysis.features import (
    Action,
    ActionKind,
    CompletionKind,
    Symbol,
    SymbolKind,
    Target,
)
from gowls.analysis.findings import Finding, Fix
from gowls.analysis.language import Context, Features
from gowls.atomic import inside
from gowls.lsp.server import GowlsServer
from gowls.syntax.positions import LineIndex, Point, Span

log = logging.getLogger(__name__)

_COMPLETION_KINDS = {
    CompletionKind.KEYWORD: lsp.CompletionItemKind.Keyword,
    CompletionKind.FOLDER: lsp.CompletionItemKind.Folder,
    CompletionKind.FILE: lsp.CompletionItemKind.File,
    CompletionKind.VERSION: lsp.CompletionItemKind.Value,
    CompletionKind.MODULE: lsp.CompletionItemKind.Module,
    CompletionKind.SETTING: lsp.CompletionItemKind.Property,
    CompletionKind.PROPERTY: lsp.CompletionItemKind.Property,
    CompletionKind.VALUE: lsp.CompletionItemKind.Value,
    CompletionKind.FIELD: lsp.CompletionItemKind.Field,
    CompletionKind.FUNCTION: lsp.CompletionItemKind.Function,
    CompletionKind.SNIPPET: lsp.CompletionItemKind.Snippet,
}

_SYMBOL_KINDS = {
    SymbolKind.MODULE: lsp.SymbolKind.Module,
    SymbolKind.PACKAGE: lsp.SymbolKind.Package,
    SymbolKind.OPERATOR: lsp.SymbolKind.Operator,
    SymbolKind.EVENT: lsp.SymbolKind.Event,
    SymbolKind.FUNCTION: lsp.SymbolKind.Function,
    SymbolKind.FILE: lsp.SymbolKind.File,
    SymbolKind.PROPERTY: lsp.SymbolKind.Property,
    SymbolKind.CONSTANT: lsp.SymbolKind.Constant,
    SymbolKind.KEY: lsp.SymbolKind.Key,
    SymbolKind.OBJECT: lsp.SymbolKind.Object,
    SymbolKind.ARRAY: lsp.SymbolKind.Array,
    SymbolKind.STRING: lsp.SymbolKind.String,
    SymbolKind.NUMBER: lsp.SymbolKind.Number,
    SymbolKind.BOOLEAN: lsp.SymbolKind.Boolean,
    SymbolKind.NULL: lsp.SymbolKind.Null,
    SymbolKind.VARIABLE: lsp.SymbolKind.Variable,
}

_ACTION_KINDS = {
    ActionKind.QUICK_FIX: lsp.CodeActionKind.QuickFix,
    ActionKind.REFACTOR_REWRITE: lsp.CodeActionKind.RefactorRewrite,
    ActionKind.SOURCE: lsp.CodeActionKind.Source,
}


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


def _symbol(ls: GowlsServer, index: LineIndex, sym: Symbol) -> lsp.DocumentSymbol:
    return lsp.DocumentSymbol(
        name=sym.name,
        detail=sym.detail or None,
        kind=_SYMBOL_KINDS.get(sym.kind, lsp.SymbolKind.Key),
        range=ls.converter.range(index, sym.span),
        selection_range=ls.converter.range(index, sym.selection),
        children=[_symbol(ls, index, c) for c in sym.children] or None,
    )


def _location(ls: GowlsServer, target: Target) -> lsp.Location:
    if target.span is None:
        start = lsp.Position(0, 0)
        return lsp.Location(ls.uri_of(target.path), lsp.Range(start, start))
    rng = ls.converter.range(ls.index_of(target.path), target.span)
    return lsp.Location(ls.uri_of(target.path), rng)


def _command(ls: GowlsServer, action: Action) -> lsp.Command | None:
    if action.command is None:
        return None
    args = [ls.uri_of(a) if isinstance(a, Path) else a for a in action.command.arguments]
    return lsp.Command(action.command.title, action.command.name, arguments=args)


F = TypeVar("F")


def _feature(
    ls: GowlsServer, uri: str, pick: Callable[[Features], F | None]
) -> tuple[Context, F, LineIndex] | None:
    """The document's analysis context, the feature ``pick`` selects from its kind, and its
    line index; None for a file of no kind, or when the kind does not offer the feature."""
    found = ls.context(uri)
    if found is None:
        return None
    ctx, language = found
    feature = pick(language.features)
    if feature is None:
        return None
    return ctx, feature, ctx.doc.index


def _writable(ls: GowlsServer, fix: Fix) -> bool:
    """Whether every file a fix edits lies in the workspace (links resolved)."""
    roots = ls.model.roots
    return not roots or all(inside(edit.path, roots) for edit in fix.edits)


def code_action(ls: GowlsServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    """Quick fixes of the findings in range, then the kind's own actions."""
    found = ls.context(params.text_document.uri)
    if found is None:
        return []
    ctx, language = found
    index = ctx.doc.index
    wanted = ls.converter.span(index, params.range)
    actions = []
    if _wants_kind(params.context.only, lsp.CodeActionKind.QuickFix):
        result = check_file(ctx.snapshot, ctx.path, ls.model.policy)
        for finding in _on_lines_of(result.findings, wanted):
            for fix in finding.fixes:
                if not _writable(ls, fix):
                    continue
                actions.append(
                    lsp.CodeAction(
                        title=fix.title,
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=ls.diagnostics([finding]),
                        edit=ls.converter.workspace_edit(fix, ls.index_of),
                        is_preferred=fix.safe or None,
                    )
                )
    if language.features.actions is not None:
        for action in language.features.actions(ctx, wanted):
            kind = _ACTION_KINDS[action.kind]
            if not _wants_kind(params.context.only, kind):
                continue
            if action.fix is not None and not _writable(ls, action.fix):
                continue
            actions.append(
                lsp.CodeAction(
                    title=action.title,
                    kind=kind,
                    edit=(
                        ls.converter.workspace_edit(action.fix, ls.index_of) if action.fix else None
                    ),
                    command=_command(ls, action),
                )
            )
    return actions


def _lines(span: Span) -> tuple[int, int]:
    """The first and last line a span covers (an end at column 0 ends the line before)."""
    last = span.end.line
    if span.end.column == 0 and last > span.start.line:
        last -= 1
    return span.start.line, last


def _on_lines_of(findings: Sequence[Finding], wanted: Span) -> list[Finding]:
    """Findings on the lines of the requested range, those touching the range itself first.

    A cursor at the start of a broken line (on ``use`` of ``use ./missing``, whose finding
    covers the path) still gets the fixes that remove or repair that line.
    """
    first, last = _lines(wanted)
    out = []
    for finding in findings:
        start, end = _lines(finding.span)
        if start <= last and first <= end:
            out.append(finding)
    return sorted(out, key=lambda f: f.span.end < wanted.start or wanted.end < f.span.start)


def completion(ls: GowlsServer, params: lsp.CompletionParams) -> lsp.CompletionList | None:
    """The kind's completion candidates at the cursor."""
    found = _feature(ls, params.text_document.uri, lambda f: f.completion)
    if found is None:
        return None
    ctx, completion_of, index = found
    point = ls.converter.point(index, params.position)
    items = []
    for cand in completion_of(ctx, point):
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
                text_edit=lsp.TextEdit(
                    ls.converter.range(index, cand.replace), cand.insert_text or cand.label
                ),
            )
        )
    return lsp.CompletionList(is_incomplete=False, items=items)


def hover(ls: GowlsServer, params: lsp.HoverParams) -> lsp.Hover | None:
    """The kind's hover at the cursor."""
    found = _feature(ls, params.text_document.uri, lambda f: f.hover)
    if found is None:
        return None
    ctx, hover_of, index = found
    info = hover_of(ctx, ls.converter.point(index, params.position))
    if info is None:
        return None
    return lsp.Hover(
        contents=lsp.MarkupContent(lsp.MarkupKind.Markdown, info.markdown),
        range=ls.converter.range(index, info.span),
    )


def definition(
    ls: GowlsServer, params: lsp.DefinitionParams
) -> lsp.Location | list[lsp.Location] | None:
    """Where the token at the cursor leads (one location, or several)."""
    found = _feature(ls, params.text_document.uri, lambda f: f.definition)
    if found is None:
        return None
    ctx, definition_of, index = found
    targets = definition_of(ctx, ls.converter.point(index, params.position))
    if len(targets) == 1:
        return _location(ls, targets[0])
    return [_location(ls, t) for t in targets] or None


def references(ls: GowlsServer, params: lsp.ReferenceParams) -> list[lsp.Location] | None:
    """Every use of the thing at the cursor."""
    found = _feature(ls, params.text_document.uri, lambda f: f.references)
    if found is None:
        return None
    ctx, references_of, index = found
    targets = references_of(ctx, ls.converter.point(index, params.position))
    return [_location(ls, t) for t in targets]


def document_links(ls: GowlsServer, params: lsp.DocumentLinkParams) -> list[lsp.DocumentLink]:
    """Paths in the document that lead to files."""
    found = _feature(ls, params.text_document.uri, lambda f: f.links)
    if found is None:
        return []
    ctx, links_of, index = found
    td = ls.client_capabilities.text_document
    tooltips = bool(td and td.document_link and td.document_link.tooltip_support)
    return [
        lsp.DocumentLink(
            range=ls.converter.range(index, t.origin),
            target=ls.uri_of(t.path),
            tooltip=(t.tooltip or None) if tooltips else None,
        )
        for t in links_of(ctx)
    ]


def document_symbols(ls: GowlsServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
    """The document's outline."""
    found = _feature(ls, params.text_document.uri, lambda f: f.symbols)
    if found is None:
        return []
    ctx, symbols_of, index = found
    return [_symbol(ls, index, s) for s in symbols_of(ctx)]


def folding(ls: GowlsServer, params: lsp.FoldingRangeParams) -> list[lsp.FoldingRange]:
    """Foldable regions."""
    found = _feature(ls, params.text_document.uri, lambda f: f.folding)
    if found is None:
        return []
    ctx, folding_of, _ = found
    return [
        lsp.FoldingRange(
            start_line=f.start_line, end_line=f.end_line, kind=lsp.FoldingRangeKind.Region
        )
        for f in folding_of(ctx)
    ]


def formatting(ls: GowlsServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit] | None:
    """The whole document as the kind formats it (one edit), or nothing to change."""
    found = _feature(ls, params.text_document.uri, lambda f: f.format)
    if found is None:
        return None
    ctx, format_of, index = found
    formatted = format_of(ctx)
    if formatted is None:
        return None
    if formatted.encode("utf-8") == index.data:
        return []
    whole = Span(Point(0, 0), index.point(len(index.data)))
    return [lsp.TextEdit(ls.converter.range(index, whole), formatted)]


def inlay_hints(ls: GowlsServer, params: lsp.InlayHintParams) -> list[lsp.InlayHint] | None:
    """Labels the kind shows inside the range."""
    found = _feature(ls, params.text_document.uri, lambda f: f.inlay_hints)
    if found is None:
        return None
    ctx, inlay_hints_of, index = found
    hints = inlay_hints_of(ctx, ls.converter.span(index, params.range))
    return [
        lsp.InlayHint(
            position=ls.converter.position(index, h.point),
            label=h.label,
            tooltip=h.tooltip or None,
            padding_left=True,
        )
        for h in hints
    ]


def code_lens(ls: GowlsServer, params: lsp.CodeLensParams) -> list[lsp.CodeLens] | None:
    """The kind's code lenses (a lens without a command is a plain label)."""
    found = _feature(ls, params.text_document.uri, lambda f: f.code_lenses)
    if found is None:
        return None
    ctx, code_lenses_of, index = found
    out = []
    for lens in code_lenses_of(ctx):
        command = _command(ls, Action(lens.title, ActionKind.SOURCE, command=lens.command))
        out.append(
            lsp.CodeLens(
                range=ls.converter.range(index, lens.span),
                command=command or lsp.Command(lens.title, ""),
            )
        )
    return out


def register(server: GowlsServer) -> None:
    """Register the editing handlers (only the features some kind provides)."""
    kinds = server.languages  # what each kind offers is known without loading its features
    server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.RefactorRewrite]
        ),
    )(code_action)
    if kinds.offer("completion"):
        server.feature(
            lsp.TEXT_DOCUMENT_COMPLETION,
            lsp.CompletionOptions(trigger_characters=kinds.trigger_characters()),
        )(completion)
    optional = (
        (lsp.TEXT_DOCUMENT_HOVER, hover, kinds.offer("hover")),
        (lsp.TEXT_DOCUMENT_DEFINITION, definition, kinds.offer("definition")),
        (lsp.TEXT_DOCUMENT_REFERENCES, references, kinds.offer("references")),
        (lsp.TEXT_DOCUMENT_DOCUMENT_LINK, document_links, kinds.offer("links")),
        (lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL, document_symbols, kinds.offer("symbols")),
        (lsp.TEXT_DOCUMENT_FOLDING_RANGE, folding, kinds.offer("folding")),
        (lsp.TEXT_DOCUMENT_FORMATTING, formatting, kinds.offer("format")),
        (lsp.TEXT_DOCUMENT_INLAY_HINT, inlay_hints, kinds.offer("inlay_hints")),
    )
    if kinds.offer("code_lenses"):
        server.feature(lsp.TEXT_DOCUMENT_CODE_LENS, lsp.CodeLensOptions(resolve_provider=False))(
            code_lens
        )
    for method, handler, offered in optional:
        if offered:
            server.feature(method)(handler)
