"""The ledgers (台账) the community office files, filled from what dyz has recorded.

A ledger is a kind (`visits`, `hazards`, …), a period (all of last month unless given) and a
scope; its rows come from the records alone, numbered (序号) in the order they are listed.
What dyz does not know (a signature, who was met when a flat has several residents) is an
empty column for pen, never invented. A district's own layout of a ledger is a template
(`ledger_templates`): it renames, reorders and drops columns.

>>> ledger = fill(store, "visits", period(store, "2026-11-01", "2026-11-30"))  # doctest: +SKIP
>>> ledger.rows[0]["household"]  # doctest: +SKIP
'2-2-601'
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict

from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.system.tuples import Record
from danyuanzhang.text.i18n import pick, t

if TYPE_CHECKING:
    from danyuanzhang.households.scopes import Scope
    from danyuanzhang.paperwork.ledgers.templates import Template
    from danyuanzhang.text.words import Vocabulary

# A cell as the records give it: text, a number, a day; None where dyz does not know. A page
# reads a row's cells by the keys of the columns a template chose, so a row is keyed by text.
Cell = str | int | float | date | None
Row = dict[str, Cell]


class Column(Record):
    key: str
    zh: str
    en: str
    pen: bool = False  # left empty for a hand to fill in: a signature, a confirmation

    def header(self) -> str:
        return pick(self.zh, self.en)


class Period(Record):
    start: str
    end: str
    scope: Scope
    defaulted: bool = False  # no dates were given: all of last month

    def holds(self, row: Any) -> bool:
        return bool(self.scope.holds(row))


class Ledger(Record):
    kind: str
    title: str
    period: Period
    columns: list[Column]
    rows: list[Row]
    notes: list[str]  # the totals a ledger ends with: a visit rate, the install rate per unit
    filled_by: str = ""  # the person who fills it in (填表人)
    printed_on: str = ""  # the day it was made (日期)
    heading: tuple[str, ...] = ()  # said under the period at the top: whom a ledger is for


Builder = Callable[[Store, Period], tuple[list[Row], list[str]]]


class Kind(Record):
    title: tuple[str, str]
    columns: tuple[Column, ...]
    build: Builder
    # the lines under the period at the top, for a ledger whose rows follow a rule
    heading: Callable[[Period], list[str]] | None = None


def _c(key: str, zh: str, en: str, pen: bool = False) -> Column:
    return Column(key, zh, en, pen)


# the first column of every ledger; a template may rename, move or drop it like any other
NUMBER = Column("no", "序号", "No.")

# each kind's own columns, in the order of the office's form; `kinds` puts 序号 before them
_VISITS_COLUMNS = (
    _c("on", "日期", "date"),
    _c("household", "房号", "flat"),
    _c("resident", "受访人", "resident met"),
    _c("phone", "电话", "phone"),
    _c("kind", "走访方式", "how"),
    _c("outcome", "结果", "outcome"),
    _c("needs", "反映诉求", "needs raised"),
    _c("handling", "办理情况", "how they were handled"),
    _c("hazards", "发现隐患", "hazards found"),
    _c("visitor", "走访人", "visitor"),
    _c("visitor_signature", "走访人签字", "visitor's signature", pen=True),
    _c("signature", "群众签字", "resident's signature", pen=True),
)


_HAZARDS_COLUMNS = (
    _c("found_on", "排查日期", "found on"),
    _c("finder", "排查人", "found by"),
    _c("place", "部位", "where"),
    _c("kind", "类别", "kind"),
    _c("note", "描述", "description"),
    _c("severity", "等级", "severity"),
    _c("household", "责任户", "household responsible"),
    _c("household_signature", "被查户签名", "household's signature", pen=True),
    _c("requirement", "整改要求（通知书编号）", "what was asked (notice)"),
    _c("due", "期限", "deadline"),
    _c("notified_on", "告知日", "notified on"),
    _c("rectified_on", "整改日", "rectified on"),
    _c("verified_on", "复查日", "re-inspected on"),
    _c("verifier", "复查人", "re-inspected by"),
    _c("verifier_signature", "复查人签字", "re-inspector's signature", pen=True),
    _c("result", "结果", "result"),
    _c("recurrence", "是否回潮", "came back"),
)


def _patrol_columns() -> tuple[Column, ...]:
    from danyuanzhang.cases.patrols import CHECKS

    return (
        _c("when", "日期时间", "date and time"),
        _c("patroller", "巡查人", "patroller"),
        _c("where", "部位", "where"),
        *(_c(code, check.zh, check.en) for code, check in CHECKS.items()),
        _c("result", "巡查情况", "what was found"),
        _c("handling", "处置", "what was done"),
        # a fire patrol is walked by two, and signed off by the one on duty
        _c("signature", "巡查人1签字", "patroller 1's signature", pen=True),
        _c("signature_2", "巡查人2签字", "patroller 2's signature", pen=True),
        _c("duty_signature", "值班负责人签字", "duty supervisor's signature", pen=True),
    )


_NEEDS_COLUMNS = (
    _c("raised_on", "收集日期", "raised on"),
    _c("household", "户", "household"),
    _c("category", "类别", "category"),
    _c("text", "内容", "what was asked"),
    _c("joint", "联名户数", "households behind it"),
    _c("level", "办理层级", "handled at"),
    _c("handler", "承办人", "handled by"),
    _c("result", "结果", "result"),
    _c("settled_on", "办结日", "settled on"),
    _c("confirmed", "居民确认", "resident confirmed"),
    _c("revisited_on", "回访日", "return visit"),
    _c("satisfaction", "满意度", "satisfaction"),
)


_CARE_COLUMNS = (
    _c("name", "姓名", "name"),
    _c("born", "出生年份", "born"),
    _c("address", "住址", "address"),
    _c("phone", "电话", "phone"),
    _c("contact", "紧急联系人（电话）", "emergency contact (phone)"),
    _c("category", "类别", "category"),
    _c("risk", "风险等级", "risk level"),
    _c("rate", "月均探访（次）", "visits a month"),
    _c("on", "探访日期", "visited on"),
    _c("kind", "方式", "how"),
    _c("wellbeing", "情况", "how they were"),
    _c("checks", "探访内容", "areas checked"),
    _c("referral", "转介", "referred to"),
    _c("needs", "发现的需求", "needs found"),
    _c("visitor", "探访人", "visitor"),
    _c("visitor_signature", "探访人签字", "visitor's signature", pen=True),
)


_ANTIFRAUD_COLUMNS = (
    _c("on", "日期", "date"),
    _c("household", "房号", "flat"),
    _c("resident", "对象", "resident"),
    _c("phone", "电话", "phone"),
    _c("app", "是否安装国家反诈中心APP", "anti-fraud app installed"),
    _c("content", "宣传内容", "what was covered"),
    _c("visitor", "宣传人", "by"),
)


_MOVES_COLUMNS = (
    _c("household", "房号", "flat"),
    _c("resident", "住户", "resident"),
    _c("tenure", "自住/租户", "owner or tenant"),
    _c("moved_in", "迁入", "moved in"),
    _c("moved_out", "迁出", "moved out"),
)


_VOLUNTEERS_COLUMNS = (
    _c("volunteer", "志愿者", "volunteer"),
    _c("on", "日期", "date"),
    _c("served", "服务对象（房号）", "for (flat)"),
    _c("service", "服务内容", "service"),
    _c("hours", "时长（小时）", "hours"),
    _c("recorder", "记录人", "recorded by"),
)


_MEDIATION_COLUMNS = (
    _c("case_no", "卷号", "file number"),
    _c("raised_on", "受理日期", "taken on"),
    _c("source", "案件来源", "how it came"),
    _c("parties", "当事人（房号）", "parties (flats)"),
    _c("dispute", "纠纷类型", "dispute"),
    _c("mediator", "调解人", "mediator"),
    _c("course", "调解经过", "course of the mediation"),
    _c("result", "结果", "result"),
    _c("agreement_no", "协议书编号", "agreement number"),
    _c("follow_up_on", "回访日期", "follow-up on"),
    _c("follow_up_by", "回访人", "followed up by"),
    _c("follow_up", "回访情况", "follow-up found"),
)


_COUNCIL_COLUMNS = (
    _c("on", "日期", "date"),
    _c("place", "地点", "place"),
    _c("host", "主持人", "chaired by"),
    _c("recorder", "记录人", "minutes by"),
    _c("attendance", "应到/实到", "members/present"),
    _c("topic", "议题", "matter"),
    _c("households", "户数", "households"),
    _c("proposal", "建议", "proposal"),
    _c("votes", "表决（赞成/反对/弃权）", "votes (for/against/abstained)"),
    _c("decision", "社区决定", "the office's decision"),
    _c("done", "落实", "carried out"),
)


def kinds() -> dict[str, Kind]:
    """Every ledger kind with its columns, 序号 first."""
    from danyuanzhang.paperwork.ledgers import rows as k

    declared = {
        "visits": Kind(("入户走访台账", "Home visits ledger"), _VISITS_COLUMNS, k.visits),
        "hazards": Kind(
            ("消防安全隐患排查整改台账", "Fire hazard inspection and rectification ledger"),
            _HAZARDS_COLUMNS,
            k.hazards,
        ),
        "patrols": Kind(("防火巡查记录", "Fire patrol record"), _patrol_columns(), k.patrols),
        "needs": Kind(("群众诉求办理台账", "Residents' needs ledger"), _NEEDS_COLUMNS, k.needs),
        "care": Kind(
            ("特殊困难老人探访关爱台账", "Care visits to vulnerable residents"),
            _CARE_COLUMNS,
            k.care,
            k.care_rule,
        ),
        "antifraud": Kind(
            ("反诈宣传台账", "Anti-fraud outreach ledger"), _ANTIFRAUD_COLUMNS, k.antifraud
        ),
        "moves": Kind(("迁入迁出登记", "Moves in and out"), _MOVES_COLUMNS, k.moves),
        "volunteers": Kind(
            ("志愿服务记录", "Volunteer service record"), _VOLUNTEERS_COLUMNS, k.volunteers
        ),
        "mediation": Kind(
            ("矛盾纠纷调处台账", "Dispute mediation ledger"), _MEDIATION_COLUMNS, k.mediation
        ),
        "council": Kind(("议事会记录", "Residents' council record"), _COUNCIL_COLUMNS, k.council),
    }
    return {name: kind._replace(columns=(NUMBER, *kind.columns)) for name, kind in declared.items()}


KIND_NAMES = (
    "visits",
    "hazards",
    "patrols",
    "needs",
    "care",
    "antifraud",
    "moves",
    "volunteers",
    "mediation",
    "council",
)


# what people call a ledger besides its title: 走访台账 for 入户走访台账
KIND_SYNONYMS = {
    "走访台账": "visits",
    "走访": "visits",
    "入户走访": "visits",
    "隐患台账": "hazards",
    "隐患排查台账": "hazards",
    "隐患": "hazards",
    "巡查记录": "patrols",
    "防火巡查": "patrols",
    "巡查台账": "patrols",
    "诉求台账": "needs",
    "诉求": "needs",
    "关爱台账": "care",
    "探访台账": "care",
    "关爱": "care",
    "反诈台账": "antifraud",
    "反诈": "antifraud",
    "迁入迁出": "moves",
    "迁入迁出台账": "moves",
    "志愿服务": "volunteers",
    "志愿服务台账": "volunteers",
    "调解台账": "mediation",
    "矛盾纠纷台账": "mediation",
    "调解": "mediation",
    "议事会": "council",
    "议事会台账": "council",
}


def _vocabulary() -> Vocabulary:
    from danyuanzhang.text.words import Vocabulary

    titles = {name: kind.title for name, kind in kinds().items()}
    return Vocabulary(("台账", "ledger"), titles, KIND_SYNONYMS)


def kind_name(text: str) -> str:
    """`visits`, the ledger's Chinese title as `dyz ledger --list` shows it (入户走访台账), or
    what people call it (走访台账)."""
    found = _vocabulary().read(text.replace("帐", "账"))  # 台帐, as it is also written
    if found is None:
        raise _unknown(text)
    return found


def kind_of(name: str) -> Kind:
    found = kinds().get(name.strip().lower())
    if found is None:
        raise _unknown(name)
    return found


def _unknown(text: str) -> DyzError:
    """No such ledger: the nearest ones, then all of them, by the names the reader uses."""
    from danyuanzhang.text.i18n import join, t

    vocabulary = _vocabulary()
    near = vocabulary.near(text)
    return DyzError(
        "ledger_unknown_kind",
        kind=text,
        near=t("did_you_mean", words=join(f"“{w}”" for w in near)) if near else "",
        known=join(vocabulary.label(name) for name in KIND_NAMES),
    )


def period(
    store: Store,
    start: str | None = None,
    end: str | None = None,
    scope: str | None = None,
    estate: str | None = None,
) -> Period:
    """The days from `start` to `end` (both included). Neither given: all of last month, the
    period an office files; `start` alone runs to today, `end` alone from the 1st of its month."""
    from danyuanzhang.households.scopes import parse_scope
    from danyuanzhang.text.inputs import parse_date, today

    within = parse_scope(store, scope, estate)
    if start is None and end is None:
        first, last = last_full_month(date.fromisoformat(today()))
        return Period(first, last, within, defaulted=True)
    last = parse_date(end, "--to") if end else today()
    first = parse_date(start, "--from") if start else last[:8] + "01"
    if last < first:
        raise DyzError("dates_reversed", start=first, end=last)
    return Period(first, last, within)


def last_full_month(day: date) -> tuple[str, str]:
    """The first and last day of the calendar month before `day`'s."""
    from datetime import timedelta

    last = day.replace(day=1) - timedelta(days=1)
    return last.replace(day=1).isoformat(), last.isoformat()


def filled_by(store: Store) -> str:
    """The person named as 填表人: who runs this command (`--by`, the laptop's person), else
    the laptop's own name."""
    return store.author()


def fill(store: Store, name: str, within: Period, template: Template | None = None) -> Ledger:
    """The ledger `name` for the period, laid out as `template` says (or as is usual)."""
    from danyuanzhang.text.inputs import today

    kind = kind_of(name)
    built, notes = kind.build(store, within)
    rows = [{**row, NUMBER.key: number} for number, row in enumerate(built, start=1)]
    columns = list(kind.columns)
    title = pick(*kind.title)
    community = store.setting("community")
    if community:
        title = pick(f"{community}{title}", f"{title}: {community}")
    if template is not None:
        columns = template.columns_of(kind.columns)
        title = template.title or title
    heading = tuple(kind.heading(within)) if kind.heading is not None else ()
    return Ledger(name, title, within, columns, rows, notes, filled_by(store), today(), heading)


def period_words(within: Period) -> str:
    return pick(
        f"{within.start} 至 {within.end}（{within.scope.words()}）",
        f"{within.start} to {within.end} ({within.scope.words()})",
    )


def foot(ledger: Ledger) -> list[tuple[str, str]]:
    """The lines a filed ledger ends with, as (label, what is written on it): who filled it in,
    a blank for who checked it, the day, and room for the community's stamp."""
    return [
        (t("ledger_signed_by"), ledger.filled_by),
        (t("ledger_checked_by"), ""),
        (t("ledger_signed_on"), ledger.printed_on),
        (t("ledger_stamp"), ""),
    ]


def foot_text(ledger: Ledger, blank: str = "________") -> list[str]:
    """`foot` as plain text, a line drawn where a hand fills it in."""
    return [label + (value or blank) for label, value in foot(ledger)]


JsonCell = str | int | float | None

# `dyz ledger --format json`; `from` is a keyword in Python, hence the call form
LedgerJson = TypedDict(
    "LedgerJson",
    {
        "kind": str,
        "title": str,
        "from": str,
        "to": str,
        "scope": str,
        "columns": list[dict[str, str]],
        "rows": list[dict[str, JsonCell]],
        "heading": list[str],
        "notes": list[str],
        "filled_by": str,
        "printed_on": str,
    },
)


def as_json(ledger: Ledger) -> LedgerJson:
    """The ledger for `--format json`: English keys, dates as text."""

    def plain(value: Cell) -> JsonCell:
        return value.isoformat() if isinstance(value, date) else value

    return {
        "kind": ledger.kind,
        "title": ledger.title,
        "from": ledger.period.start,
        "to": ledger.period.end,
        "scope": ledger.period.scope.key() or "community",
        "columns": [{"key": c.key, "header": c.header()} for c in ledger.columns],
        "rows": [{c.key: plain(row.get(c.key)) for c in ledger.columns} for row in ledger.rows],
        "heading": list(ledger.heading),
        "notes": ledger.notes,
        "filled_by": ledger.filled_by,
        "printed_on": ledger.printed_on,
    }
