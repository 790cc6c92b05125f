"""Values files through PyYAML, a second YAML 1.1 reader to cross-check the YAML layer's data.

``yes``/``on`` are booleans as in go-yaml v2 (Helm's reader); timestamps stay strings (Helm
decodes into ``interface{}``). Unlike go-yaml v2, PyYAML reads ``y``/``n`` as strings.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class HelmYamlLoader(_Base):  # type: ignore[misc,valid-type]
    """SafeLoader (libyaml's when available) without the timestamp resolver."""


HelmYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@functools.cache
def _load(path: Path, mtime: float) -> object:
    for doc in yaml.load_all(path.read_text(encoding="utf-8"), Loader=HelmYamlLoader):
        return doc
    return None


def load_yaml(path: Path) -> object:
    """The first document of ``path`` (Helm reads only that one); None when missing or empty."""
    if not path.is_file():
        return None
    return copy.deepcopy(_load(path, path.stat().st_mtime))
