"""YAML documents on tree-sitter-yaml: typed, acyclic nodes with byte ranges, never failing.

``parse_yaml(data)`` gives a :class:`YamlDocument`: the root node of each document of the
stream, syntax and structure problems, comments, and lookups by position or by path.
"""

from gowls.syntax.yaml.document import (
    EXPANSION_LIMIT,
    NodeAt,
    PathStep,
    YamlDocument,
    deref,
    is_merge_key,
    iter_keys,
    lookup,
    merged_pairs,
    parse_yaml,
    reparse_yaml,
)
from gowls.syntax.yaml.nodes import (
    Piece,
    ScalarStyle,
    ScalarValue,
    YamlAlias,
    YamlComment,
    YamlMapping,
    YamlNode,
    YamlPair,
    YamlProblem,
    YamlScalar,
    YamlSequence,
    resolve_core,
)

__all__ = [
    "EXPANSION_LIMIT",
    "NodeAt",
    "PathStep",
    "Piece",
    "ScalarStyle",
    "ScalarValue",
    "YamlAlias",
    "YamlComment",
    "YamlDocument",
    "YamlMapping",
    "YamlNode",
    "YamlPair",
    "YamlProblem",
    "YamlScalar",
    "YamlSequence",
    "deref",
    "is_merge_key",
    "iter_keys",
    "lookup",
    "merged_pairs",
    "parse_yaml",
    "reparse_yaml",
    "resolve_core",
]
