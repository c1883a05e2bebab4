"""What fills each column of each ledger: one declared source per column, from which the
tables of docs/ledgers.md are made (`python -m danyuanzhang.paperwork.ledgers.sources docs/ledgers.md`),
and a test holds the page to the columns `ledgers.kinds()` declares.

A column a kind gains needs its line here, or the page and its test say which is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

PEN = "left blank: signed by hand on the printed ledger"

# what one row of each ledger is, and which rows the period and scope take
ROWS: dict[str, str] = {
    "visits": "one row per visit whose day falls in the period, in the scope; oldest first",
    "hazards": "one row per hazard found in the period (withdrawn ones left out); oldest first",
    "patrols": "one row per patrol walked in the period, all-clear ones included",
    "needs": "one row per need raised in the period (withdrawn ones left out); oldest first",
    "care": "one row per visit in the period to a current resident the rule its heading says"
    " names (60 and over at the period's end, or flagged 独居老人, 子女不在身边, 残疾 or 需帮扶,"
    " or given a risk level), and one row with no visit for such a resident not visited at all",
    "antifraud": "one row per visit in the period that asked about the anti-fraud app or"
    " briefed the household",
    "moves": "one row per resident who moved in or out in the period",
    "volunteers": "one row per volunteer service given in the period",
    "mediation": "one row per dispute taken on in the period",
    "council": "one row per proposal put to the council in the period (outside the whole"
    " community: only those with a need of the scope behind them)",
}

SOURCES: dict[str, dict[str, str]] = {
    "visits": {
        "on": "the visit's day",
        "household": "the visit's flat (building-unit-room)",
        "resident": "the residents met at the door (asked when the flat has several, all by"
        " default), else the only resident of an old visit",
        "phone": "their phones, masked",
        "kind": "how the visit was made (上门, 电话…)",
        "outcome": "the visit's outcome (见到了, 家中无人…)",
        "needs": "the needs recorded during the visit: category and text, phones masked",
        "handling": "where each of those needs stands now",
        "hazards": "the hazards recorded during the visit: kind and what was seen",
        "visitor": "the visit's visitor",
        "visitor_signature": PEN,
        "signature": PEN,
    },
    "hazards": {
        "found_on": "the hazard's day found",
        "finder": "the patroller of the patrol or the visitor of the visit that found it,"
        " else the person who recorded it (the laptop's person, `--by`, else the laptop)",
        "place": "the hazard's unit and place (where, never what was seen)",
        "kind": "the hazard's kind",
        "note": "the hazard's description: what was seen",
        "severity": "the hazard's severity, blank when nobody judged it",
        "household": "the household responsible",
        "household_signature": PEN,
        "requirement": "what its notice requires (asked, or the kind's standard wording),"
        " then the notice's number in brackets once it was printed",
        "due": "its deadline",
        "notified_on": "the day of its first 已告知 step",
        "rectified_on": "the day of its last 已整改 step",
        "verified_on": "the day of its last 已复查 step",
        "verifier": "who recorded that 已复查 step (the person, not the laptop)",
        "verifier_signature": PEN,
        "result": "where it stands now, （逾期） when past its deadline",
        "recurrence": "是 when it was recorded as the same hazard come back, else 否",
    },
    "patrols": {
        "when": "the patrol's day and time",
        "patroller": "the patrol's patroller",
        "where": "the unit patrolled, or the building",
        "passage": "the checklist answer (正常 or 有问题)",
        "lighting": "the checklist answer (正常 or 有问题)",
        "extinguisher": "the checklist answer (正常 or 有问题)",
        "ebike": "the checklist answer (正常 or 有问题)",
        "combustibles": "the checklist answer (正常 or 有问题)",
        "result": "正常, or each problem found in words",
        "handling": "the hazard each problem was recorded as, where it stands and its deadline",
        "signature": PEN,
        "signature_2": PEN + " (a fire patrol is walked by two)",
        "duty_signature": PEN,
    },
    "needs": {
        "raised_on": "the need's day raised",
        "household": "its flat, or its unit when it is not one household's",
        "category": "its category",
        "text": "its words, phones masked",
        "joint": "the households behind the same matter (needs linked as one), at least 1",
        "level": "where it was last escalated to, else 单元长",
        "handler": "who recorded its last step, else who recorded it",
        "result": "where it stands now",
        "settled_on": "the day of its first 就地解决, 已落实, 未采纳 or 已办结 step",
        "confirmed": "是 or 否 from its 办结 step (--confirmed-by-resident); 待确认 when"
        " settled but not closed; blank while open",
        "revisited_on": "the day of its 办结 step: the return visit that asked the resident",
        "satisfaction": "what the resident said then (petition close --satisfaction)",
    },
    "care": {
        "name": "the resident's name",
        "born": "their year of birth",
        "address": "their flat",
        "phone": "their phone, masked",
        "contact": "their emergency contact: name, relation, phone masked (resident edit"
        " --emergency-contact)",
        "category": "why they are on it: 60岁及以上 and the care flags they carry",
        "risk": "their risk level 高, 中 or 低 (resident edit --risk): visited weekly, monthly or"
        " quarterly",
        "rate": "their visits that met them ÷ the calendar months of the period",
        "on": "the visit's day (blank: not visited in the period)",
        "kind": "how the visit was made",
        "wellbeing": "how they were when met, else the visit's outcome (nobody home, declined"
        " or not met in person: listed, never counted as a visit)",
        "checks": "what a visit that met them found in each area it checked — 健康, 精神,"
        " 居家安全, 赡养/照料 — 正常 or the note (visit add --check 健康=正常), phones masked",
        "referral": "whom a visit that met them referred them to (visit add --referral)",
        "needs": "the needs recorded during the visit",
        "visitor": "the visit's visitor",
        "visitor_signature": PEN,
    },
    "antifraud": {
        "on": "the visit's day",
        "household": "the visit's flat",
        "resident": "the residents met (the visit's `met`), else the only resident of an old visit",
        "phone": "their phones, masked",
        "app": "是 or 否 as the visit recorded the anti-fraud app",
        "content": "what was covered: the app asked about, the household briefed",
        "visitor": "the visit's visitor",
    },
    "moves": {
        "household": "the resident's flat",
        "resident": "the resident's name",
        "tenure": "租户 when flagged as a tenant, else blank",
        "moved_in": "their day moved in, when in the period",
        "moved_out": "their day moved out, when in the period",
    },
    "volunteers": {
        "volunteer": "the volunteer's name",
        "on": "the service's day",
        "served": "the flat served, or the unit's shared space",
        "service": "the service's kind and note, phones masked",
        "hours": "its hours",
        "recorder": "the laptop that recorded it",
    },
    "mediation": {
        "case_no": "the file number (mediation set --case-no)",
        "raised_on": "the day the dispute was taken on (its need raised)",
        "source": "how the case came (mediation set --source)",
        "parties": "the flats in the dispute, each with the names of who lives there",
        "dispute": "the kind of dispute",
        "mediator": "who mediates",
        "course": "each mediation step but the follow-up: day, step, side and note",
        "result": "how it ended, else 调解中",
        "agreement_no": "the agreement's number (mediation set --agreement-no)",
        "follow_up_on": "the day of the follow-up visit, else the day it is due",
        "follow_up_by": "who recorded the follow-up visit",
        "follow_up": "what the follow-up visit found",
    },
    "council": {
        "on": "the proposal's day",
        "place": "where the council met (council propose --place)",
        "host": "who chaired it (--host)",
        "recorder": "who wrote the record (--recorder, else whoever made the proposal)",
        "attendance": "members expected / present (--expected, --present)",
        "topic": "the categories and units of the needs behind it",
        "households": "the households behind those needs",
        "proposal": "the proposal's words, phones masked",
        "votes": "votes for / against / abstaining (--for, --against, --abstain)",
        "decision": "采纳 or 未采纳, its day and note",
        "done": "the last day a need behind it was carried out (已落实)",
    },
}

FRAME = """Every ledger is framed alike, whatever its kind and format:

- **序号** (`no`) is its first column: the row's place in the ledger, from 1.
- At the top (the terminal's heading, .xlsx, .html, .md): the title, with the community's
  name, and the period with the scope under it; a ledger whose rows follow a rule (the care
  ledger: whom it is for) says the rule under the period.
- At the foot (.xlsx, .html, .md): 填表人 (who made it: `dyz --by NAME`, else the laptop's
  person, `me.name`, set by `dyz init --name`, else the laptop's name), 审核人 (a blank line), 日期 (the day it was made)
  and 社区（盖章） (room for the stamp).
- The period is what `--from` and `--to` say; with neither, all of last month by the
  calendar, and the terminal says so.
- An .xlsx is set up to print: A4 landscape, the header row repeated on every page, all the
  columns fitted to the page's width.
- A district's template (examples/ledger-templates) renames, reorders and drops any of these
  columns, 序号 and the signature columns among them.
"""

BEGIN = "<!-- made by python -m danyuanzhang.paperwork.ledgers.sources: begin -->"
END = "<!-- made by python -m danyuanzhang.paperwork.ledgers.sources: end -->"


def columns_doc() -> str:
    """The made part of docs/ledgers.md: the frame, then for each ledger its rows and a table
    of column → what fills it."""
    from danyuanzhang.paperwork.ledgers import NUMBER, kinds

    parts = [FRAME]
    for name, kind in kinds().items():
        title = f"{kind.title[0]} ({kind.title[1]})"
        parts.append(f"## `{name}`: {title}\n\nRows: {ROWS[name]}.\n")
        lines = ["| column | key | English | filled from |", "|---|---|---|---|"]
        for column in kind.columns:
            if column.key == NUMBER.key:
                source = "the row's place in the ledger, from 1"
            else:
                source = SOURCES[name][column.key]
            lines.append(f"| {column.zh} | `{column.key}` | {column.en} | {source} |")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def made_part(page: str) -> str:
    """The part of the page between the markers."""
    start, end = page.index(BEGIN) + len(BEGIN), page.index(END)
    return page[start:end].strip("\n")


def rewrite(path: Path) -> None:
    page = path.read_text(encoding="utf-8")
    start, end = page.index(BEGIN) + len(BEGIN), page.index(END)
    path.write_text(page[:start] + "\n" + columns_doc() + "\n" + page[end:], encoding="utf-8")


if __name__ == "__main__":
    rewrite(Path(sys.argv[1]))
