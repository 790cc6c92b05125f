"""Values files as Helm reads them, for tests: YAML 1.1 (``yes``/``on`` are booleans, as in
go-yaml v2) through PyYAML, with timestamps left as strings (Helm decodes into ``interface{}``)."""

from __future__ import annotations

from pathlib import Path

import yaml


class HelmYamlLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver."""


HelmYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path) -> object:
    """The first document of ``path`` as plain data (None when missing or empty)."""
    if not path.is_file():
        return None
    return yaml.load(path.read_text(encoding="utf-8"), Loader=HelmYamlLoader)  # noqa: S506
