"""The ``format`` checks Helm 4 asserts (drafts 4 to 7) that jsonschema needs extra packages for.

jsonschema checks ``email``, ``ipv4``, ``ipv6``, ``date`` and ``regex`` on its own; ``hostname``,
``date-time``, ``time`` and ``uri`` are checked here as the validator Helm 4 uses does (RFC 1123
host names, RFC 3339 times, absolute URIs), so no optional dependency is needed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import jsonschema  # imported by gowls.analysis.helm.schema when a schema is loaded

_LABEL = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_TIME = re.compile(
    r"^(?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})(?:\.\d+)?(?:[Zz]|[+-](?P<oh>\d{2}):(?P<om>\d{2}))$"
)
_DATE = re.compile(r"^(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})$")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_hostname(value: object) -> bool:
    """RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens."""
    if not isinstance(value, str):
        return True
    name = value[:-1] if value.endswith(".") else value
    return 0 < len(name) <= 253 and all(_LABEL.match(label) for label in name.split("."))


def is_time(value: object) -> bool:
    """RFC 3339 full-time (``12:00:00Z``, ``12:00:00.5+02:00``); a leap second is allowed."""
    if not isinstance(value, str):
        return True
    m = _TIME.match(value)
    if m is None:
        return False
    offset_ok = m["oh"] is None or (int(m["oh"]) <= 23 and int(m["om"]) <= 59)
    return int(m["h"]) <= 23 and int(m["m"]) <= 59 and int(m["s"]) <= 60 and offset_ok


def is_date(value: str) -> bool:
    """RFC 3339 full-date."""
    m = _DATE.match(value)
    if m is None:
        return False
    year, month, day = int(m["y"]), int(m["mo"]), int(m["d"])
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS[month - 1]:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return not (month == 2 and day == 29 and not leap)


def is_date_time(value: object) -> bool:
    """RFC 3339 date-time: a full-date, ``T``, a full-time."""
    if not isinstance(value, str):
        return True
    date, sep, time = value.partition("T") if "T" in value else value.partition("t")
    return bool(sep) and is_date(date) and is_time(time)


def is_uri(value: object) -> bool:
    """An absolute URI: a scheme, then no spaces."""
    if not isinstance(value, str):
        return True
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*$", parts.scheme)) and " " not in value


def format_checker(base: jsonschema.FormatChecker) -> jsonschema.FormatChecker:
    """``base`` plus the checks above."""
    import jsonschema

    checker = jsonschema.FormatChecker(list(base.checkers))
    checker.checkers = dict(base.checkers)
    checker.checks("hostname")(is_hostname)
    checker.checks("time")(is_time)
    checker.checks("date-time")(is_date_time)
    checker.checks("uri")(is_uri)
    return checker
