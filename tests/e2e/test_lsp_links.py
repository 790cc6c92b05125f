"""Document links carry a tooltip only for clients that declared tooltip support."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_harness import GowlsTestClient, capabilities, start
from lsprotocol import types as lsp

FILES = {
    "go.work": "go 1.22\n\nuse ./a\n",
    "a/go.mod": "module example.com/a\n\ngo 1.22\n",
}


@pytest.mark.parametrize("support", [True, False], ids=["tooltips", "no-tooltips"])
async def test_link_tooltips_follow_the_client_capability(
    client: GowlsTestClient, tmp_path: Path, support: bool
) -> None:
    caps = capabilities(client.editor)
    td = caps.text_document or lsp.TextDocumentClientCapabilities()
    td.document_link = lsp.DocumentLinkClientCapabilities(tooltip_support=support)
    caps.text_document = td
    session = await start(client, tmp_path, FILES, caps=caps)
    uri = session.open("go.work")
    links = await client.text_document_document_link_async(
        lsp.DocumentLinkParams(text_document=lsp.TextDocumentIdentifier(uri))
    )
    assert links is not None and len(links) == 1
    assert links[0].target == session.uri("a/go.mod")
    assert (links[0].tooltip is not None) == support
