"""Resident flags: the built-in six and those a community adds, named in either language."""

from __future__ import annotations

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.text.i18n import join, t, word
from danyuanzhang.text.vocab import BUILTIN_FLAGS


def known_flags(store: Store) -> dict[str, tuple[str, str]]:
    """Every flag code with its Chinese and English label."""
    from danyuanzhang.households.community_kinds import known

    return known(store, BUILTIN_FLAGS, "flag_kinds")


def flag_code(store: Store, text: str, known: dict[str, tuple[str, str]] | None = None) -> str:
    """`elderly_alone`, `独居老人` and `elderly, lives alone` all give `elderly_alone`."""
    from danyuanzhang.text.words import flag

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
    from danyuanzhang.households.community_kinds import add

    with store.transaction():
        return add(
            store, "flag_kind", "flag_", code, label_zh, label_en, known_flags(store),
            "flag_exists",
        )  # fmt: skip
