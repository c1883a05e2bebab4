"""The weekly report and the council agenda as text for a WeChat group, which shows Markdown as
it is typed: 【】 section heads, one fact a line, no tables, flats and no residents' names or
phones, and messages of at most 2,000 characters, numbered when there are several.

>>> messages = report_messages(weekly_report(store, scope="unit:2-2", redact=True))  # doctest: +SKIP
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from danyuanzhang.text.i18n import t

if TYPE_CHECKING:
    from danyuanzhang.paperwork.report_shape import WeeklyReport


MESSAGE_LIMIT = 2000  # characters a message may hold and still be read on a phone
_NUMBERED = re.compile(r"^[一二三四五六七八九十]+、|^[0-9]+\. ")


def _head(text: str) -> str:
    return f"【{_NUMBERED.sub('', text)}】"


def report_messages(report: WeeklyReport) -> list[str]:
    """The report (made with `redact`, so residents are their flats) as messages."""
    from danyuanzhang.paperwork.render_report import (
        empty_line,
        quiet,
        sections,
        signed,
        title,
        trend_heading,
        trend_rows,
    )

    first = [_head(title(report))]
    empty = empty_line(report)
    if empty:
        first.append(empty)
    blocks = [first]
    if not quiet(report):
        for section in sections(report):
            lines = [_head(section["heading"])]
            for label, this, last, change in section["rows"]:
                if last is None or change is None:
                    lines.append(t("wx_figure", what=label, this=this))
                else:
                    lines.append(
                        t(
                            "wx_figure_last",
                            what=label,
                            this=this,
                            last=last,
                            change=signed(change),
                        )
                    )
            lines += section["lines"]
            blocks.append(lines)
        blocks.append(
            [_head(trend_heading(report))]
            + [f"{label}：{numbers}" for label, _, numbers in trend_rows(report)]
        )
    return _messages(blocks)


def agenda_messages(data: dict[str, Any]) -> list[str]:
    """The agenda as messages: each matter by its kind, unit, households and days waiting, and
    the proposals awaiting the office. The residents' own words stay on the printed agenda:
    they may name people."""
    from danyuanzhang.text.i18n import pick
    from danyuanzhang.text.typeset import day_words
    from danyuanzhang.text.vocab import PETITION_CATEGORIES

    blocks = [[_head(t("agenda_title", date=day_words(data["date"], full=True)))]]
    if data.get("community"):
        blocks[0].append(str(data["community"]))
    matters = [_head(t("agenda_matters"))]
    for n, m in enumerate(data["matters"], start=1):
        kind = pick(*PETITION_CATEGORIES.get(m["category"], (m["category"], m["category"])))
        matters.append(
            t(
                "wx_matter",
                n=n,
                kind=kind,
                unit=m["unit"],
                households=m["households"],
                days=m["waiting_days"],
            )
        )
    if not data["matters"]:
        matters.append(t("agenda_none"))
    proposals = [_head(t("agenda_proposals"))]
    proposals += [
        t("wx_proposal", n=n, text=p["text"], days=p["waiting_days"])
        for n, p in enumerate(data["proposals"], start=1)
    ] or [t("agenda_none")]
    return _messages([*blocks, matters, proposals])


def _messages(blocks: list[list[str]]) -> list[str]:
    """Blocks of lines packed into messages under the limit, a block split only when it is
    longer than a whole message; numbered （1/3） when there are several."""
    room = MESSAGE_LIMIT - 10  # for the number
    pieces: list[str] = []  # blocks, and the parts of a block too long for one message
    for block in blocks:
        part: list[str] = []
        for line in block:
            if part and len("\n".join([*part, line])) > room:
                pieces.append("\n".join(part))
                part = []
            part.append(line[:room])
        pieces.append("\n".join(part))
    texts = [pieces[0]]
    for piece in pieces[1:]:
        if len(texts[-1]) + 2 + len(piece) > room:
            texts.append(piece)
        else:
            texts[-1] += "\n\n" + piece
    if len(texts) > 1:
        texts = [f"（{n}/{len(texts)}）{text}" for n, text in enumerate(texts, start=1)]
    return texts


def as_text(messages: list[str]) -> str:
    """Messages one after another, a line of dashes between them, for the terminal or a file."""
    return "\n\n————————\n\n".join(messages) + "\n"
