"""Analysis layer: a workspace snapshot in; findings, completions, hovers and edits out.

Pure: no LSP types and no I/O beyond what the snapshot's file source provides.
"""
