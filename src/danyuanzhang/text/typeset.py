"""How printed pages write days and flats, and the layout they share.

Pages go on a stairwell wall and round a council table, read by people over 60: days as
2026年12月1日 (12月1日 within the year), flats as 2栋2单元601室, no spaces between Chinese
words, body text of at least 12 pt, and tables that never break inside a name, a flat, a day
or a number.

>>> day_words("2026-12-01", full=True)
'2026年12月1日'
>>> flat_words("2-2-601")
'2栋2单元601室'
"""

from __future__ import annotations

import html
import re
from datetime import date

from danyuanzhang.text.i18n import lang, pick

_WEEKDAYS_ZH = "一二三四五六日"
_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def day_words(day: str | date | None, full: bool = False) -> str:
    """A day as people write it: 2026年12月1日, or 12月1日 within this year unless `full` (a
    notice, a day that is signed); None or "" as nothing."""
    from danyuanzhang.text.i18n import day as in_full
    from danyuanzhang.text.i18n import short_day

    if day is None or day == "":
        return ""
    when = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
    return in_full(when) if full else short_day(when)


def weekday_words(day: str | date) -> str:
    """星期二 · Tuesday."""
    when = day if isinstance(day, date) else date.fromisoformat(str(day)[:10])
    return pick(f"星期{_WEEKDAYS_ZH[when.weekday()]}", when.strftime("%A"))


def flat_words(ref: str | None) -> str:
    """2-2-601 as a letter is addressed: 2栋2单元601室 (in English, flat 601, 2-2)."""
    if not ref:
        return ""
    parts = ref.split("-")
    if len(parts) != 3:
        return unit_words(ref)
    building, unit, room = parts
    return pick(f"{building}栋{unit}单元{room}室", f"flat {room}, {building}-{unit}")


_FLAT_REF = re.compile(r"(?<![0-9\-])([0-9]{1,3})-([0-9]{1,2})-([0-9]{1,4})(?![0-9\-])")


def flats_in_words(text: str) -> str:
    """Every flat named in a line of text written as a letter addresses it (2栋2单元602室)."""
    if lang() != "zh":
        return text
    return _FLAT_REF.sub(lambda m: f"{m[1]}栋{m[2]}单元{m[3]}室", text)


def unit_words(ref: str | None) -> str:
    """2-2 as 2栋2单元 (a building alone: 2栋)."""
    if not ref:
        return ""
    parts = ref.split("-")
    if len(parts) == 2:
        return pick(f"{parts[0]}栋{parts[1]}单元", f"unit {ref}")
    return pick(f"{ref}栋", f"building {ref}")


def joined(*parts: str | None) -> str:
    """Words run together in Chinese (新芙蓉之都2栋2单元), with a space in English."""
    present = [p for p in parts if p]
    return ("" if lang() == "zh" else " ").join(present)


# What a line of print may not break inside: a flat (and the name after it), a day, a phone,
# a number with its unit
_UNBROKEN = re.compile(
    r"[0-9]+栋[0-9]+单元[0-9]+室"
    r"|(?<![0-9])[0-9]{1,3}-[0-9]{1,2}(?:-[0-9]{1,4})?(?: [\u4e00-\u9fff]{2,4}(?![\u4e00-\u9fff]))?"
    r"|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|[0-9]{1,2}月[0-9]{1,2}日(?:—[0-9]{1,2}月[0-9]{1,2}日)?"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"|1[3-9][0-9][ *]?[0-9*]{4}[ *]?[0-9]{4}|0[0-9]{2,3}-[0-9*]{3,4} ?[0-9]{4}"
    r"|[0-9]+(?:[./][0-9]+)+(?: \([0-9.]+%\))?%?|[0-9]{2,}%?"
)


def unbroken(text: str) -> str:
    """`text` as HTML, each flat, day, phone and number in it kept on one line."""
    parts, position = [], 0
    for found in _UNBROKEN.finditer(text):
        parts += [
            html.escape(text[position : found.start()]),
            f'<span class="nobreak">{html.escape(found.group())}</span>',
        ]
        position = found.end()
    return "".join([*parts, html.escape(text[position:])])


# The layout every printed page shares: fonts that hold Chinese, 12 pt at least, nothing
# broken inside a word or a number, and the footer of pages with residents' personal data.
# A font stack every laptop of an office has one of: Windows (Microsoft YaHei, SimHei, SimSun),
# Kylin and UOS, the domestic systems offices move to (Noto or Source Han, WenQuanYi), other
# Linux and macOS; the pages are measured with Noto CJK (tests/pages.py).
FONTS = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei",'
    ' "SimHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "PingFang SC", "SimSun", sans-serif'
)
# An official document's body is set in 仿宋 (GB/T 9704-2012): Windows has FangSong, older
# offices FangSong_GB2312; where neither is, a serif Song face (Noto or Source Han Serif).
FANGSONG = (
    '"FangSong", "FangSong_GB2312", "仿宋", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC",'
    ' "Source Han Serif SC", "Source Han Serif CN", "SimSun", "Songti SC", serif'
)
BASE_CSS = f"""
* {{ box-sizing: border-box; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: {FONTS}; font-size: 12pt; line-height: 1.5; color: #000; background: #fff; }}
table {{ border-collapse: collapse; }}
th, td {{ vertical-align: top; }}
th {{ white-space: nowrap; }}
.nobreak, .num, .ref, .day, .phone, .name {{ white-space: nowrap; }}
"""


def paper_of(text: str) -> str:
    """a4 or a5, however it is written: A4, ａ５, A4纸."""
    import unicodedata

    from danyuanzhang.errors import DyzError

    paper = unicodedata.normalize("NFKC", text).strip().lower().removesuffix("纸").strip()
    if paper not in ("a4", "a5"):
        raise DyzError("bad_paper", paper=text)
    return paper


def private_footer() -> str:
    """内部资料 · 用后请销毁: on every page that holds residents' personal data."""
    return pick("内部资料 · 用后请销毁", "Internal — destroy after use")
