"""Resident flags: the built-in six and those a community adds, named in either language."""

from __future__ import annotations

import re

from danyuanzhang.errors import DyzError
from danyuanzhang.i18n import join, t, word
from danyuanzhang.inputs import parse_name
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg
from danyuanzhang.vocab import BUILTIN_FLAGS

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,30}$")


def known_flags(store: Store) -> dict[str, tuple[str, str]]:
    """Every flag code with its Chinese and English label."""
    flags = dict(BUILTIN_FLAGS)
    for row in reg.flag_kinds(store):
        flags[row["code"]] = (row["label_zh"] or row["code"], row["label_en"] or row["code"])
    return flags


def flag_code(store: Store, text: str, known: dict[str, tuple[str, str]] | None = None) -> str:
    """`elderly_alone`, `独居老人` and `elderly, lives alone` all give `elderly_alone`."""
    from danyuanzhang.words import flag

    flags = known if known is not None else known_flags(store)
    vocabulary = flag(flags)  # 独居 for 独居老人: the words rolls are written in, too
    code = vocabulary.read(text)
    if code is None:
        near = vocabulary.near(text)
        raise DyzError(
            "unknown_flag",
            flag=text.strip(),
            near=t("did_you_mean", words=join(f"“{w}”" for w in near)) if near else "",
            known=join(label(c, flags) for c in flags),
        )
    return code


def label(code: str, flags: dict[str, tuple[str, str]]) -> str:
    return word(code, flags)


def add_flag_kind(store: Store, code: str, label_zh: str, label_en: str | None) -> str:
    """Define a new flag, e.g. `dyz flag add low_income --zh 低保户 --en "low income"`."""
    code = code.strip().lower()
    if not _CODE.match(code):
        raise DyzError("bad_flag_code", code=code)
    zh = parse_name(label_zh)
    en = parse_name(label_en) if label_en else code.replace("_", " ")
    with store.transaction():
        if code in known_flags(store):
            raise DyzError("flag_exists", code=code)
        # The id is the code itself, so two laptops defining the same flag merge into one.
        store.put("flag_kind", f"flag_{code}", {"code": code, "label_zh": zh, "label_en": en})
    return code
