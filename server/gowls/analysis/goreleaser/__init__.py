"""GoReleaser v2 configuration (``.goreleaser.yaml``): our typed model of every key.

``model`` defines the node types, ``enums`` the value sets, ``spec`` the whole v2.18
configuration (OSS and Pro), ``deprecations`` what GoReleaser deprecated or removed,
``templates`` the template fields and functions, and ``query`` looks keys up.
Pure data and small helpers: nothing here reads files or knows about LSP.
"""
