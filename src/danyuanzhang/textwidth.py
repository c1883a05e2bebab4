"""How wide text is on a terminal, where a Chinese character takes two columns."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def fold(text: str, width: int) -> list[str]:
    """A line cut into pieces of at most `width` columns (Chinese has no spaces to wrap at)."""
    lines, current, used = [], "", 0
    for ch in text:
        size = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + size > width:
            lines.append(current)
            current, used = "", 0
        current += ch
        used += size
    return [*lines, current]
