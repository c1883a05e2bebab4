"""Text as Unicode normalizes it (NFC, NFKC), without loading Unicode's tables for text they
would leave as it is: printable ASCII, the common Chinese characters and 、。, which is nearly
everything a unit head types (2-2, 小区001, 楼道灯坏了). Loading the tables costs a command about
0.2 ms of its start-up.

>>> nfkc("２楼"), nfkc("2楼"), nfc("王建国")
('2楼', '2楼', '王建国')
"""

from __future__ import annotations

import re

# what NFKC leaves unchanged: printable ASCII, common Chinese characters, 、 and 。
_NFKC_UNCHANGED = "[ -~\u4e00-\u9fef\u3001\u3002]*"
# and what NFC leaves unchanged besides: full-width forms (，：（）), — ‘’“” and …; none of either
# is a control, format or unassigned character
_NFC_UNCHANGED = "[ -~\u4e00-\u9fef\u3001\u3002\uff01-\uff5e\u2014\u2018-\u201d\u2026]*"


def plain(text: str) -> bool:
    """Whether the text is all characters NFC leaves as they are, and none a control, format,
    private or unassigned one."""
    # printable ASCII (2-2, 2026-12-07) without the pattern, whose CJK range costs a command
    # a few tenths of a millisecond to compile
    if text.isascii():
        return text.isprintable()
    return re.fullmatch(_NFC_UNCHANGED, text) is not None


def nfc(text: str) -> str:
    if plain(text):
        return text
    import unicodedata

    return unicodedata.normalize("NFC", text)


def nfkc(text: str) -> str:
    if (text.isascii() and text.isprintable()) or re.fullmatch(_NFKC_UNCHANGED, text):
        return text
    import unicodedata

    return unicodedata.normalize("NFKC", text)
