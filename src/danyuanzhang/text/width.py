"""How wide text is on a terminal, where a Chinese character takes two columns."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# what most text on the screen is made of, told without Unicode's tables (loading them costs a
# command about 0.2 ms): Chinese characters, full-width forms and the ideographic punctuation
# take two columns; Latin letters, dashes, quotes, … and arrows one
_WIDE = ((0x4E00, 0x9FFF), (0xFF01, 0xFF60), (0x3001, 0x303E))
_NARROW = ((0x0000, 0x0377), (0x2010, 0x2027), (0x2190, 0x21FF))


@cache
def _extra(ch: str) -> int:
    """The column a character takes beyond one: 1 for Chinese and full-width forms."""
    code = ord(ch)
    if any(low <= code <= high for low, high in _WIDE):
        return 1
    if any(low <= code <= high for low, high in _NARROW):
        return 0
    import unicodedata

    return 1 if unicodedata.east_asian_width(ch) in "WF" else 0


def display_width(text: str) -> int:
    # a district's walk list measures hundreds of thousands of cells: the cached lookup per
    # character runs at C speed, and plain ASCII needs none
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_extra, text))


class _Widths(dict[str, int]):
    """The widths of the words met, each measured once: a district's walk list wraps and fits
    the same few hundred names tens of thousands of times. Forgotten all at once when they
    grow many."""

    def __missing__(self, word: str) -> int:
        if len(self) >= 20_000:
            self.clear()
        self[word] = size = display_width(word)
        return size


_WORD_WIDTHS = _Widths()


def fold(text: str, width: int) -> list[str]:
    """A line cut into pieces of at most `width` columns (Chinese has no spaces to wrap at)."""
    lines, current, used = [], "", 0
    for ch in text:
        size = 1 + _extra(ch)
        if used + size > width and current:  # a character wider than the line stands alone
            lines.append(current)
            current, used = "", 0
        current += ch
        used += size
    return [*lines, current]


# A line may not start with a closing mark nor end with an opening one (Chinese line breaking).
_NO_LINE_START = set("，。、；：？！）》」』”’…—,.;:?!)]}%·")
_NO_LINE_END = set("（《「『“‘([{")
# counters and units stay with their number: 12月1日, 3楼, 2栋2单元601室, 6天
_WITH_NUMBER = set("年月日号时分栋幢单元室楼层天周户人个次件岁条项期")
# a masked phone (139****5678), a setting's name (visit.cadence.new_arrival) and an English
# word with its apostrophe are each one unit
_UNITS = r"单元|[0-9A-Za-z._\-/:+#@%*'&=]+|[^\s]"


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    """Compiled when first needed: a command that wraps nothing never pays for it."""
    return re.compile(pattern)


def terminal_width(default: int = 80) -> int:
    """The terminal's real width (COLUMNS wins, as everywhere), never narrower than 40."""
    import shutil

    return max(40, shutil.get_terminal_size((default, 24)).columns)


def wrap(text: str, width: int, whole: int | None = None) -> list[str]:
    """`text` in lines of at most `width` columns, broken at spaces or between Chinese
    characters, never inside a reference, a date, a number or an English word (unless it is
    longer than a whole line). A space-free run of at most `whole` columns is kept on one
    line if it can be."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _wrap_line(paragraph, width, WHOLE_WORD if whole is None else whole)
    return lines


def for_the_screen(text: str, stream: Any) -> str:
    """Text bound for a terminal broken to its width as `wrap` breaks it (the terminal would
    cut 2026-12-10, 31bffcea or "everything" wherever the edge falls); unchanged for a file
    or a pipe."""
    if not stream.isatty():
        return text
    return "\n".join(wrap(text, terminal_width()))


def narrowest(text: str, whole: int = 0) -> int:
    """The narrowest width `text` wraps to without breaking a reference, a date, a phone, a
    number with its counter or a word (nor a space-free run of at most `whole` columns): its
    widest piece that cannot be broken."""
    if whole and "`" not in text:  # most often: words between spaces, each short enough
        words = text.split()
        sizes = list(map(_WORD_WIDTHS.__getitem__, words))
        if max(sizes, default=0) <= whole and all(w[0] not in _WITH_NUMBER for w in words[1:]):
            return max(sizes, default=0)
    pieces = (piece for paragraph in text.split("\n") for piece, _ in _tokens(paragraph, whole))
    return max(map(_WORD_WIDTHS.__getitem__, pieces), default=0)


# a space-free word this short moves to the next line whole (安全出口指示牌, 2026-11-20, 602室)
WHOLE_WORD = 16
_WORDS = r"`[^`]*`[^\s`]*|[^\s`]+"


def _tokens(text: str, whole: int = WHOLE_WORD) -> list[tuple[str, str]]:
    """(piece, the spaces before it): pieces a line may be broken between. Spaces come first; a
    long run of Chinese may also break between its characters; an example in backticks
    breaks only at its spaces."""
    tokens: list[tuple[str, str]] = []
    position = 0
    for match in _pattern(_WORDS).finditer(text):
        spaced = text[position : match.start()]
        position = match.end()
        word = match.group()
        if tokens and tokens[-1][0][-1:].isdigit() and word[0] in _WITH_NUMBER:
            # a count stays with its counter across the space: 每 7 天, not 每 7 / 天
            counted, *rest = _tokens(word, whole)
            glued = tokens[-1][0] + spaced + counted[0]
            if display_width(glued) > whole:  # only the counter, the rest may go on
                counter = _broken_word(word, "")[0][0]
                glued = tokens[-1][0] + spaced + counter
                rest = _tokens(word[len(counter) :], whole)
            tokens[-1] = (glued, tokens[-1][1])
            tokens += rest
        elif word.startswith("`"):
            pieces = word.split(" ")
            tokens += [(pieces[0], spaced), *((piece, " ") for piece in pieces[1:] if piece)]
        elif _WORD_WIDTHS[word] <= whole:
            tokens.append((word, spaced))
        else:
            phrases = (
                [p for p in _phrase_ends("/" in word or "／" in word).split(word) if p]
                if whole
                else [word]
            )
            for n, phrase in enumerate(phrases):
                gap = spaced if n == 0 else ""
                if display_width(phrase) <= whole:
                    tokens.append((phrase, gap))
                else:
                    tokens += _broken_word(phrase, gap)
    return tokens


# a long run of Chinese breaks at its punctuation first: 2-2-502 陈志明（2026-11-10）；黄晓燕…
# breaks before the bracket and after the semicolon, not inside a name
_CLOSING = "，。、；：？！）》」』”"
_OPENING = "（《「『“"


# …and after a slash between two Chinese words: 楼道/ 安全通道堵塞 (not inside 0/11)
@cache
def _phrase_ends(slashed: bool) -> re.Pattern[str]:
    """Compiled when a long run is first met, and with the slash's rule only for a run with a
    slash: a class of all of Chinese costs a millisecond to compile, on every command."""
    slash = r"|(?<=[\u4e00-\u9fff][/／])(?=[\u4e00-\u9fff])" if slashed else ""
    return re.compile(
        rf"(?<=[{_CLOSING}])(?![{re.escape(''.join(sorted(_NO_LINE_START)))}])"
        rf"|(?<![{_OPENING}])(?<=.)(?=[{_OPENING}])" + slash
    )


def _broken_word(word: str, spaced: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    for unit in _pattern(_UNITS).findall(word):
        if tokens and _joined(tokens[-1][0], unit):
            tokens[-1] = (tokens[-1][0] + unit, tokens[-1][1])
        else:
            tokens.append((unit, "" if tokens else spaced))
    return tokens


def _joined(before: str, unit: str) -> bool:
    if unit[0] in _NO_LINE_START or before[-1] in _NO_LINE_END:
        return True
    if before[-1] in "—～~" and unit[0].isdigit():  # a range: 11月30日—12月6日
        return True
    if before[-1].isdigit() and (unit in _WITH_NUMBER or unit == "单元"):
        return True
    return unit[0].isdigit() and (before[-1] in _WITH_NUMBER or before.endswith("单元"))


def _wrap_line(text: str, width: int, whole: int) -> list[str]:
    if "`" not in text and text.isprintable() and display_width(text) <= width:
        # most lines fit as they are: the pieces would be put back together unchanged (the
        # only spaces are plain ones, each a column), all but the spaces at the end
        return [text.rstrip(" ")]
    if "`" not in text and text.isprintable():
        plain = _plain_words(text, width, whole)
        if plain is not None:
            return plain
    lines: list[str] = []
    current, used = "", 0
    for piece, spaced in _tokens(text, whole):
        size = display_width(piece)
        gap = spaced if current or not lines else ""  # a first line keeps its indent
        if current and used + len(gap) + size > width:
            lines.append(current)
            current, used, gap = "", 0, ""
        if size > width:
            *full, piece = _split_long(piece, width)
            lines += full
            size = display_width(piece)
        current += gap + piece
        used += len(gap) + size
    lines.append(current)
    return lines


def _plain_words(text: str, width: int, whole: int) -> list[str] | None:
    """The lines of `_wrap_line` for the most common text it is given, words between single
    spaces that each fit a line and stay whole (a walk list's names), without cutting it into
    pieces first; None for any other text."""
    words = text.split(" ")
    sizes = list(map(_WORD_WIDTHS.__getitem__, words))
    if "" in words or max(sizes) > min(whole, width):
        return None
    if any(map(str.isdigit, text)) and any(
        a[-1].isdigit() and b[0] in _WITH_NUMBER for a, b in zip(words, words[1:], strict=False)
    ):
        return None  # a count and its counter are one piece (每 7 天)
    lines: list[str] = []
    current, used = words[0], sizes[0]
    for word, size in zip(words[1:], sizes[1:], strict=True):
        if used + 1 + size > width:
            lines.append(current)
            current, used = word, size
        else:
            current += " " + word
            used += 1 + size
    lines.append(current)
    return lines


def _split_long(piece: str, width: int) -> list[str]:
    """A glued piece wider than a line, split between its own parts so that no line starts
    with a closing mark; a part wider than a line itself is cut where it must be."""
    lines: list[list[str]] = [[]]
    for unit in _pattern(_UNITS).findall(piece):
        for part in fold(unit, width):
            line = lines[-1]
            if line and display_width("".join(line) + part) > width:
                moved = [line.pop()] if part[0] in _NO_LINE_START and len(line) > 1 else []
                lines.append(moved)
            lines[-1].append(part)
    return ["".join(line) for line in lines]
