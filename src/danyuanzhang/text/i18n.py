"""Every user-facing sentence, in Simplified Chinese and English.

>>> t("household_added", ref="2-2-301", estate="新芙蓉之都", id="3fa2c1d0")
'已登记：新芙蓉之都 2-2-301（编号 3fa2c1d0）'
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from typing import Any

from danyuanzhang.text.catalogue import MESSAGES, part_messages, part_of
from danyuanzhang.text.visible import visible_value

LANGS = ("zh", "en")
# the setting a notebook keeps its language in (`dyz config set language en`)
LANGUAGE_SETTING = "language"
_lang: str | None = None


def detect_lang() -> str:
    """`DYZ_LANG` first, then the locale: Chinese unless the locale names another language —
    a laptop left at `C` or `POSIX` (a Linux without a Chinese locale, Git Bash) speaks
    Chinese, as its user does."""
    chosen = chosen_lang()
    if chosen is not None:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "").strip()
        if value:
            return "en" if names_another_language(value) else "zh"
    import locale

    # Windows: ('Chinese (Simplified)_China', '936'), ('English_United States', '1252')
    return "en" if names_another_language(locale.getlocale()[0] or "") else "zh"


def chosen_lang() -> str | None:
    """The language `DYZ_LANG` names, if it names one of ours."""
    chosen = os.environ.get("DYZ_LANG", "").strip().lower()
    for code in LANGS:
        if chosen.startswith(code):  # zh, zh_CN, zh-Hans, en_GB, english…
            return code
    return None


def names_another_language(locale_name: str) -> bool:
    """Whether a locale (`en_US.UTF-8`, `English_United States`, `en:zh`) names a language
    other than Chinese; `C`, `POSIX` and `C.UTF-8` name none."""
    name = locale_name.strip().lower().split(":")[0]
    plain = name.split(".")[0]
    return plain not in ("", "c", "posix") and not name.startswith(("zh", "chinese"))


def set_lang(lang: str | None) -> None:
    global _lang
    _lang = lang


def lang() -> str:
    global _lang
    if _lang is None:
        _lang = detect_lang()
    return _lang


def t(key: str, /, **params: Any) -> str:
    pair = MESSAGES.get(key) or _found.get(key) or _other_catalogue(key)
    text = pair[0] if lang() == "zh" else pair[1]
    if not params:
        return text
    # the catalogue's words are ours; what fills them in was typed or read from a file. A
    # district's walk list formats hundreds of thousands: plain values go as they are
    for value in params.values():
        if not (value.isprintable() if type(value) is str else type(value) is int):
            params = {name: visible_value(value, True) for name, value in params.items()}
            break
    return text.format(**params)


# messages of the catalogue's parts, each imported only when asked for, once found: a
# district's walk list asks for the same few hundreds of thousands of times
_found: dict[str, tuple[str, str]] = {}


def _other_catalogue(key: str) -> tuple[str, str]:
    part = part_of(key)
    if part is None:
        raise KeyError(key)
    pair = part_messages(part)[key]
    _found[key] = pair
    return pair


def pick(zh: str, en: str) -> str:
    """Choose between two labels that live beside their data (flag and role names)."""
    return zh if lang() == "zh" else en


def word(code: str | None, choices: dict[str, tuple[str, str]]) -> str:
    """The name of a code from a vocabulary, in the interface language; the code itself if
    the vocabulary does not know it, nothing for no code."""
    if code is None:
        return ""
    zh, en = choices.get(code, (code, code))
    return pick(zh, en)


def said(text: str | None) -> str:
    """A need's words as a screen or a page shows them: a need of an erased household has
    none left, and says so."""
    return text or t("words_erased")


def counted(count: int, zh_unit: str, en_one: str, en_many: str | None = None) -> str:
    """A number with what it counts: 3 处冲突; 1 conflict, 3 conflicts."""
    if lang() == "zh":
        return f"{count} {zh_unit}"
    return f"{count} {en_one if count == 1 else (en_many or en_one + 's')}"


def join(items: Iterable[str], limit: int | None = None) -> str:
    """A list as people write it: 甲、乙、丙 in Chinese, "a, b, c" in English; beyond `limit`
    items, the first ones and how many in all (甲、乙等 100 个; a, b and 98 more)."""
    listed = list(items)
    chinese = lang() == "zh"
    if limit is None or len(listed) <= limit:
        return ("、" if chinese else ", ").join(listed)
    first = ("、" if chinese else ", ").join(listed[:limit])
    if chinese:
        return f"{first}等 {len(listed)} 个"
    return f"{first} and {len(listed) - limit} more"


def day(when: date) -> str:
    """A date as people write it: 2031年3月5日; 5 March 2031."""
    if lang() == "zh":
        return f"{when.year}年{when.month}月{when.day}日"
    return f"{when.day} {when:%B} {when.year}"


def short_day(when: date) -> str:
    """A date within this year without its year (12月1日; 1 December), others with it."""
    if when.year != date.today().year:
        return day(when)
    return f"{when.month}月{when.day}日" if lang() == "zh" else f"{when.day} {when:%B}"


def span(first: date, last: date) -> str:
    """A stretch of days as people say it: 11月30日—12月6日; 30 November – 6 December."""
    return f"{short_day(first)}{'—' if lang() == 'zh' else ' – '}{short_day(last)}"
