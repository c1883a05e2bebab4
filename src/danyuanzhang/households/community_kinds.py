"""Words a community adds to dyz's own: kinds of flag, of hazard, of volunteer service. Each is a
record whose id is its code, so two laptops that add the same one merge into one."""

from __future__ import annotations

from collections.abc import Mapping

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store

# a code a person may give a word of their own (compiled when one is added, not on every start)
_CODE = r"[a-z][a-z0-9_]{1,30}"


def known(
    store: Store, builtin: Mapping[str, tuple[str, str]], table: str
) -> dict[str, tuple[str, str]]:
    """The built-in words and those the community added, with their two names."""
    kinds = dict(builtin)
    from danyuanzhang.store.registry import kinds_added

    for row in kinds_added(store, table):
        kinds[row[0]] = (row[1] or row[0], row[2] or row[0])
    return kinds


def add(
    store: Store,
    entity: str,
    prefix: str,
    code: str,
    label_zh: str,
    label_en: str | None,
    known_now: Mapping[str, tuple[str, str]],
    exists: str,
) -> str:
    """Add a word (`entity` record `prefix` + code); `exists`: the message when it is there."""
    import re

    from danyuanzhang.text.inputs import parse_name

    code = code.strip().lower()
    if not re.fullmatch(_CODE, code):
        raise DyzError("bad_flag_code", code=code)
    zh = parse_name(label_zh)
    en = parse_name(label_en) if label_en else code.replace("_", " ")
    if code in known_now:
        raise DyzError(exists, code=code)
    store.put(entity, f"{prefix}{code}", {"code": code, "label_zh": zh, "label_en": en})
    return code
