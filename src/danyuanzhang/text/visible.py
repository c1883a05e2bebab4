"""Text shown on a terminal with nothing in it that the terminal would obey.

A cell of a roll, a file name or a typed value may hold an escape sequence (ESC ] 52 sets
the clipboard, ESC [ 2J clears the screen), a carriage return that writes over the line, or a
direction override that shows `exe.txt` for `txt.exe`. Echoed back, each is drawn as a
placeholder the person can see, so a bad cell is shown for what it is rather than dropped.

>>> visible("138\\x1b[2J0013")
'138␛[2J0013'
>>> visible("abc\\u202eexe.txt")
'abc⟨U+202E⟩exe.txt'
>>> visible("第一行\\n第二行"), visible("第一行\\n第二行", lines=True)
('第一行␊第二行', '第一行\\n第二行')
"""

from __future__ import annotations

import re
from functools import cache
from os import PathLike
from typing import Any

# C0 (ESC, BEL, CR…), DEL and C1 (U+009B is a CSI to a terminal reading 8-bit controls); the
# bidi controls (embeddings, overrides, isolates, marks); the line and paragraph separators,
# which some terminals and editors take for line breaks; a lone surrogate, left by an argument
# or a file name that was not UTF-8, which the terminal's encoder would refuse with a traceback
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
_ONE_LINE = f"[\x00-\x1f\x7f-\x9f{_BIDI}]"
# text that may take several lines (a remark, a list in a message) keeps its line breaks
_LINES = f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_BIDI}]"

# what json.dumps leaves raw (it escapes C0 alone)
_RAW_IN_JSON = f"[\x7f-\x9f{_BIDI}]"


@cache
def _pattern(characters: str) -> re.Pattern[str]:
    """Compiled when first needed: the three compiled at import cost every command about a
    millisecond, and most never meet a control character."""
    return re.compile(characters)


def _placeholder(found: re.Match[str]) -> str:
    code = ord(found.group(0))
    if code < 0x20:  # the control pictures of U+2400: ␛ for ESC, ␇ for BEL, ␍ for CR
        return " " if code == 0x09 and found.re.pattern == _LINES else chr(0x2400 + code)
    return "\u2421" if code == 0x7F else f"⟨U+{code:04X}⟩"


def visible(text: str, lines: bool = False) -> str:
    """`text` with every control character, escape and direction control drawn as a visible
    placeholder; with `lines`, line breaks are kept and a tab is the space it stands for (a
    table measures every character as one column)."""
    if text.isprintable():  # nearly every text: nothing to do
        return text
    # a pattern's scan runs at C speed: a district's list printed whole costs little more
    return _pattern(_LINES if lines else _ONE_LINE).sub(_placeholder, text)


def visible_value(value: Any, lines: bool = False) -> Any:
    """A value about to be formatted into a message: text (and a path) made `visible`,
    numbers and the rest as they are, so that `{count:,}` still formats a number."""
    if isinstance(value, str):
        return visible(value, lines)
    if isinstance(value, PathLike):
        return visible(str(value), lines)
    return value


def json_escaped(text: str) -> str:
    """JSON text with what `json.dumps` leaves raw and a terminal would obey (DEL, C1, the
    direction controls) or an encoder refuse (a lone surrogate) written as \\uXXXX: only in
    strings can they be, where the escape is the same value.

    >>> json_escaped('"abc\\u202eexe"')
    '"abc\\\\u202eexe"'
    """
    return _pattern(_RAW_IN_JSON).sub(lambda found: f"\\u{ord(found.group(0)):04x}", text)
