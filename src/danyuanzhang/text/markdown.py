"""Values placed in a Markdown page as the text they are, never as markup.

A petition's words, a name or a place go into headings, lists and table cells of the pages
pasted into a chat group or opened in an editor that renders them: `<script>` must not become
HTML, `a|b` must not split a table's cell, a name starting with `#` must not become a heading.
Escapes are the ones every CommonMark renderer reads; `<`, `>` and `&` become entities, so no
tag survives even a renderer that ignores backslashes.

>>> md_text("<script>alert(1)</script>")
'&lt;script&gt;alert(1)&lt;/script&gt;'
>>> md_text("a|b `c` [链接](x)")
'a\\\\|b \\\\`c\\\\` \\\\[链接\\\\](x)'
>>> md_text("# 不是标题"), md_text("1. 不是列表")
('\\\\# 不是标题', '1\\\\. 不是列表')
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from danyuanzhang.text.visible import visible

_ENTITIES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
# inline markup read anywhere in a line: the backslash too, so that a value ending in `\`
# cannot take away the escape of the `|` after it
_INLINE = {ord(ch): "\\" + ch for ch in "\\|`"} | _ENTITIES
# what turns the start of a line into a heading, a quote, a list, a rule or a code fence
_LEADING = re.compile(r"^(\s*)(?:([#>+*=~_-])|(\d+)([.)]))")


def md_cell(text: str) -> str:
    """`text` as Markdown inline text that shows exactly it, as a table's cell holds it:
    controls made visible, line breaks as spaces, markup characters escaped."""
    if text.isascii() and text.isalnum():  # a number, a code: nothing to escape
        return text
    text = visible(text, lines=True).replace("\n", " ")
    if any(ch in text for ch in "\\|`&<>"):
        text = text.translate(_INLINE)
    if "[" in text and "]" in text:  # a link or a footnote needs both
        text = text.replace("[", "\\[").replace("]", "\\]")
    return text


def md_text(text: str) -> str:
    """`md_cell`, for text that may begin a line: a `#`, `-`, `>` or `1.` it starts with is
    escaped, not read as a heading, a list or a quote."""
    return _LEADING.sub(_leading_escaped, md_cell(text), count=1)


def _leading_escaped(match: re.Match[str]) -> str:
    indent, marker, number, dot = match.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{number}\\{dot}"


def md_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A table's lines, each cell escaped by `md_cell`."""
    lines = ["| " + " | ".join(map(md_cell, headers)) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(map(md_cell, row)) + " |" for row in rows]
    return lines
