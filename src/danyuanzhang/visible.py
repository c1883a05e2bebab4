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

from os import PathLike
from typing import Any

# bidi controls (embeddings, overrides, isolates, marks) and the line and paragraph
# separators, which some terminals and editors take for line breaks
_SHOWN_AS_CODE = (
    *range(0x80, 0xA0),  # C1: U+009B is a CSI to a terminal reading 8-bit controls
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x200E,
    0x200F,
    0x061C,
    0x2028,
    0x2029,
    # a lone surrogate: an argument or a file name that was not UTF-8, which the terminal's
    # encoder would refuse with a traceback
    *range(0xD800, 0xE000),
)

# C0 as the control pictures of U+2400 (ESC is ␛, BEL ␇, CR ␍), DEL as ␡
_ONE_LINE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_ONE_LINE[0x7F] = "\u2421"
_ONE_LINE |= {code: f"⟨U+{code:04X}⟩" for code in _SHOWN_AS_CODE}
# text that may take several lines (a remark, a list in a message) keeps its line breaks;
# a tab becomes the space it stands for, since a table measures every character as a column
_LINES = {**_ONE_LINE, ord("\n"): "\n", ord("\t"): " "}


def visible(text: str, lines: bool = False) -> str:
    """`text` with every control character, escape and direction control drawn as a visible
    placeholder; with `lines`, line breaks are kept as they are."""
    if text.isprintable():  # nearly every text: nothing to do
        return text
    return text.translate(_LINES if lines else _ONE_LINE)


def visible_value(value: Any, lines: bool = False) -> Any:
    """A value about to be formatted into a message: text (and a path) made `visible`,
    numbers and the rest as they are, so that `{count:,}` still formats a number."""
    if isinstance(value, str):
        return visible(value, lines)
    if isinstance(value, PathLike):
        return visible(str(value), lines)
    return value
