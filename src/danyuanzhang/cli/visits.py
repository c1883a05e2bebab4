"""`dyz visit ...` and `dyz antifraud`: door-knocking and the anti-fraud watch."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from danyuanzhang.cli.common import (
    AllOption,
    EstateOption,
    Format,
    FormatOption,
    SheetOption,
    emit_list,
    format_for,
    format_option,
    is_interactive,
    out,
    place_of,
    remind_if_exposed,
    say,
    store_of,
    write_output,
)
from danyuanzhang.errors import DyzError
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short
from danyuanzhang.text.words import PETITION_CATEGORY, VISIT_KIND, VISIT_OUTCOME, WELLBEING

if TYPE_CHECKING:
    from danyuanzhang.visits.plan import Arrival, Need

visit_app = typer.Typer(help="敲门走访：直接运行 dyz visit 开始一问一答 · door-knocking visits")
antifraud_app = typer.Typer()

OnOption = Annotated[str | None, typer.Option("--on", help="日期，默认今天 · date, default today")]
UnitOption = Annotated[str | None, typer.Option("--unit", help="单元，如 2-2 · unit")]


@visit_app.command("start")
def visit_interview(
    ctx: typer.Context,
    resume: Annotated[
        bool, typer.Option("--resume", help="接着上次没答完的走访 · continue the unfinished visit")
    ] = False,
    discard: Annotated[
        bool, typer.Option("--discard", help="丢弃上次没答完的走访 · drop the unfinished visit")
    ] = False,
    estate: EstateOption = None,
) -> None:
    """敲门走访：一问一答，记下这一户的情况 · The door-knocking interview, one household at a time.

    `dyz visit` alone runs this. Without a terminal, use `dyz visit add 2-2-301` instead."""
    from danyuanzhang.store import drafts

    if discard:
        if resume:
            raise DyzError("resume_or_discard")
        say(t("draft_discarded") if drafts.discard(store_of(ctx)) else t("no_draft"))
        return
    if not is_interactive():
        raise DyzError("visit_no_terminal")
    from danyuanzhang.visits.interview import run_interview

    store = store_of(ctx)
    item = run_interview(store, resume=resume, estate=estate)
    if item is not None:
        say(_recorded_line(item))


def _recorded_line(item: dict[str, Any]) -> str:
    return t(
        "visit_recorded",
        ref=item["household"],
        id=short(item["id"]),
        needs=len(item["needs"]),
        hazards=len(item["hazards"]),
    )


@visit_app.command("add")
def visit_add(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="哪一户，如 2-2-301 · household, e.g. 2-2-301")],
    on: OnOption = None,
    kind: Annotated[str, typer.Option("--kind", help=VISIT_KIND.help)] = "door",
    outcome: Annotated[str, typer.Option("--outcome", help=VISIT_OUTCOME.help)] = "met",
    new_household: Annotated[
        bool, typer.Option("--new-household", help="这一户还没登记，现在登记 · register it now")
    ] = False,
    introduced: Annotated[
        bool, typer.Option("--introduced", help="已自我介绍并留下服务牌 · introduced myself")
    ] = False,
    moved_in: Annotated[
        list[str] | None,
        typer.Option("--moved-in", help="新迁入：姓名[:电话] · a new resident: NAME[:PHONE]"),
    ] = None,
    moved_out: Annotated[
        list[str] | None, typer.Option("--moved-out", help="已迁出的住户姓名 · who moved out")
    ] = None,
    flag: Annotated[
        list[str] | None,
        typer.Option("--flag", help="姓名:标记，如 刘桂英:独居老人 · NAME:FLAG"),
    ] = None,
    need: Annotated[
        list[str] | None,
        typer.Option("--need", help="类别:内容，如 维修:楼道灯坏 · CATEGORY:TEXT (kept open)"),
    ] = None,
    resolved_need: Annotated[
        list[str] | None,
        typer.Option(
            "--resolved-need",
            help="类别:内容=>怎么解决的 · CATEGORY:TEXT=>WHAT_WAS_DONE (settled on the spot)",
        ),
    ] = None,
    hazard: Annotated[
        list[str] | None,
        typer.Option("--hazard", help="隐患类别:说明，如 飞线充电:窗外拉线 · KIND:NOTE"),
    ] = None,
    common_hazard: Annotated[
        list[str] | None,
        typer.Option(
            "--common-hazard",
            help="公共部位的隐患（无责任户）类别:说明 · KIND:NOTE in a common area",
        ),
    ] = None,
    anti_fraud_app: Annotated[
        str | None,
        typer.Option("--anti-fraud-app", help="装了国家反诈中心吗 yes|no · app installed?"),
    ] = None,
    briefed: Annotated[
        bool, typer.Option("--briefed", help="讲了最新骗术 · went over current scams")
    ] = False,
    wellbeing: Annotated[
        str | None,
        typer.Option("--wellbeing", help=WELLBEING.help),
    ] = None,
    help_needed: Annotated[
        str | None,
        typer.Option(
            "--help-needed",
            help="需要帮助时，要什么帮助（记为一条诉求）· the help needed, kept as a need",
        ),
    ] = None,
    help_category: Annotated[
        str, typer.Option("--help-category", help=PETITION_CATEGORY.help)
    ] = "elderly_care",
    met: Annotated[
        list[str] | None,
        typer.Option(
            "--met",
            help="见到的住户（姓名或名字开头，可写多次）· a resident met (name or its beginning)",
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注 · note")] = None,
    check: Annotated[
        list[str] | None,
        typer.Option(
            "--check",
            help="关爱探访看了什么：方面=正常或情况，方面为 健康|精神|居家安全|赡养，可多次，"
            "如 居家安全=燃气管老化 · AREA=ok or what was found: health|mind|home_safety|support",
        ),
    ] = None,
    referral: Annotated[
        str | None,
        typer.Option("--referral", help="转介给谁/哪里，如 社区卫生服务站 · referred to"),
    ] = None,
    visitor: Annotated[
        str | None, typer.Option("--visitor", help="走访人，默认本机设置 · who visited")
    ] = None,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """记一次走访（不用问答）· Record a visit in one command, e.g. `dyz visit add 2-2-301 --need "维修:楼道灯坏了" --anti-fraud-app yes`."""
    from danyuanzhang.text.inputs import parse_yes_no
    from danyuanzhang.visits.doorstep import record_visit
    from danyuanzhang.visits.plan import VisitPlan

    app = parse_yes_no(anti_fraud_app, "--anti-fraud-app") if anti_fraud_app is not None else None
    needs = _needs(need, resolved_need)
    arrivals = _arrivals(moved_in)
    plan = VisitPlan(
        household=ref,
        estate=estate,
        new_household=new_household,
        on=on,
        kind=kind,
        outcome=outcome,
        visitor=visitor,
        introduced=introduced,
        moved_in=arrivals,
        moved_out=list(moved_out or []),
        flags=_pairs(flag, ":", "--flag"),
        needs=needs,
        hazards=_pairs(hazard, ":", "--hazard"),
        common_hazards=_pairs(common_hazard, ":", "--common-hazard"),
        anti_fraud_app=app,
        briefed=briefed,
        wellbeing=wellbeing,
        help_needed=(help_category, help_needed) if help_needed is not None else None,
        met=list(met) if met else None,
        note=note,
        checks=_pairs([c.replace("＝", "=") for c in check or []], "=", "--check"),
        referral=referral,
    )
    _print_recorded(record_visit(store_of(ctx), plan), fmt)


def _pairs(texts: list[str] | None, separator: str, option: str) -> list[tuple[str, str]]:
    """Each `--flag 刘桂英:独居老人` given, read as its two halves."""
    from danyuanzhang.text.inputs import parse_pair

    return [parse_pair(text, separator, option) for text in texts or []]


def _needs(kept_open: list[str] | None, settled: list[str] | None) -> list[Need]:
    """The needs of `--need 类别:内容`, then those of `--resolved-need 类别:内容=>怎么解决的`."""
    from danyuanzhang.text.inputs import parse_pair
    from danyuanzhang.visits.plan import Need

    needs = [Need(*pair) for pair in _pairs(kept_open, ":", "--need")]
    for text in settled or []:
        what, done = parse_pair(text, "=>", "--resolved-need")
        needs.append(Need(*parse_pair(what, ":", "--resolved-need"), done=done))
    return needs


def _arrivals(moved_in: list[str] | None) -> list[Arrival]:
    """The residents of `--moved-in 姓名[:电话]`."""
    from danyuanzhang.text.inputs import parse_pair
    from danyuanzhang.visits.plan import Arrival

    arrivals = []
    for text in moved_in or []:
        name, phone = (
            parse_pair(text, ":", "--moved-in") if ":" in text.replace("：", ":") else (text, "")
        )
        arrivals.append(Arrival(name.strip(), phone.strip() or None))
    return arrivals


def _print_recorded(item: dict[str, Any], fmt: Format) -> None:
    from danyuanzhang.text import render

    if fmt is Format.json:
        out(render.to_json(item))
    else:
        say(_recorded_line(item))


@visit_app.command("list")
def visit_list(
    ctx: typer.Context,
    week: Annotated[
        str | None, typer.Option("--week", help="哪一周，如 2026-W48 或其中一天 · ISO week")
    ] = None,
    start: Annotated[str | None, typer.Option("--from", help="起始日期 · from date")] = None,
    end: Annotated[str | None, typer.Option("--to", help="截止日期 · to date")] = None,
    unit: UnitOption = None,
    visitor: Annotated[str | None, typer.Option("--visitor", help="走访人 · visitor")] = None,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
    output: SheetOption = None,
) -> None:
    """列出走访记录 · List visits, e.g. `dyz visit list --week 2026-W48 --unit 2-2`."""
    from danyuanzhang.text import render
    from danyuanzhang.visits.doorstep import list_visits

    items = list_visits(
        store_of(ctx), week=week, start=start, end=end, unit=unit, visitor=visitor, estate=estate
    )
    if fmt is Format.table or output is not None:
        items = render.visits_shown(items)
    if fmt is Format.csv:
        items = [render.areas_apart(i) for i in items]
    emit_list(items, fmt, render.VISIT_COLUMNS, output)


@visit_app.command("show")
def visit_show(
    ctx: typer.Context,
    visit: Annotated[str, typer.Argument(help="走访编号（前几位即可）· visit id or prefix")],
    fmt: FormatOption = Format.table,
) -> None:
    """查看一次走访 · Show one visit and the needs and hazards it raised."""
    from danyuanzhang.text import render
    from danyuanzhang.visits.doorstep import describe_visit, find_visit

    store = store_of(ctx)
    item = describe_visit(store, find_visit(store, visit))
    if fmt is Format.json:
        out(render.to_json(item))
    elif fmt is Format.csv:
        out(render.visit_csv(item))
    else:
        out(render.visit_text(item))


@visit_app.command("due")
def visit_due(
    ctx: typer.Context,
    unit: UnitOption = None,
    building: Annotated[str | None, typer.Option("--building", help="楼栋 · building")] = None,
    on: Annotated[
        str | None, typer.Option("--on", help="按哪天计算，默认今天 · as of date")
    ] = None,
    everyone: Annotated[
        bool, typer.Option("--not-due", help="也列出还没到期的 · also those not yet due")
    ] = False,
    estate: EstateOption = None,
    everywhere: AllOption = False,
    fmt: Annotated[
        Format,
        format_option(
            (Format.table, Format.json, Format.csv, Format.html),
            "格式：table | json | csv | html（打印走访清单）· format: table | json | csv | html (a walk sheet)",
        ),
    ] = Format.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入文件 · write to file")
    ] = None,
) -> None:
    """该走访谁了 · Who is due a visit, most urgent first, e.g. `dyz visit due --unit 2-2 -f html -o 走访清单.html` (or `-o 走访.xlsx`)."""
    from danyuanzhang.system.collector import no_cycle_collection
    from danyuanzhang.text import render
    from danyuanzhang.visits.due import visits_due

    fmt = Format(format_for(output, fmt.value, Format.table.value, ("json", "html")))
    place = place_of(ctx, unit, building, estate, everywhere)
    unit, building = place.unit, place.building
    # a district's list is a hundred thousand dicts and lists, none in a cycle
    with no_cycle_collection():
        items = place.narrow(
            visits_due(
                store_of(ctx),
                unit=unit,
                building=building,
                estate=place.estate,
                on=on,
                everyone=everyone,
            )
        )
        if output is not None and _is_sheet(output) and fmt in (Format.table, Format.csv):
            from danyuanzhang.text.sheets import write_sheet

            write_sheet(output, [t(h) for h in render.DUE_HEADERS], render.due_rows(items))
            say(t("written_to", path=str(output)))
            remind_if_exposed(output)
        elif fmt is Format.json:
            write_output(render.json_chunks(items), output)
        elif fmt is Format.csv:
            write_output(render.due_csv(items), output, encoding="utf-8-sig")
        elif fmt is Format.html:
            from danyuanzhang.paperwork.render_pages import walk_sheet_page

            write_output(walk_sheet_page(items, unit or building or "", on), output)
        elif not items:
            say(t("nobody_due"))
        else:
            write_output(render.due_table(items), output)


def _is_sheet(output: Path) -> bool:
    """Whether `-o` names a spreadsheet; the sheets module is imported only when there is one."""
    from danyuanzhang.text.sheets import SUFFIXES

    return output.suffix.lower() in SUFFIXES


@antifraud_app.command("antifraud")
def antifraud(
    ctx: typer.Context,
    building_level: Annotated[
        bool, typer.Option("--building", help="按楼栋汇总（默认按单元）· by building")
    ] = False,
    unit: UnitOption = None,
    on: Annotated[
        str | None, typer.Option("--on", help="按哪天计算，默认今天 · as of date")
    ] = None,
    estate: EstateOption = None,
    everywhere: AllOption = False,
    fmt: FormatOption = Format.table,
    output: SheetOption = None,
) -> None:
    """反诈：装了反诈APP、讲过骗术的户数，近期迁入未宣传的人 · The anti-fraud watch per unit or building."""
    from danyuanzhang.text import render
    from danyuanzhang.visits.antifraud import anti_fraud

    place = place_of(ctx, unit, None, estate, everywhere)
    data = anti_fraud(
        store_of(ctx),
        by="building" if building_level else "unit",
        estate=place.estate,
        building=place.building,
        unit=place.unit,
        on=on,
    )
    if not building_level:
        data["groups"] = place.narrow(data["groups"])
    if output is not None:
        from danyuanzhang.text.sheets import write_sheet

        headers, cells = render.antifraud_sheet(data)
        write_sheet(output, headers, cells, title=t("af_title", date=data["on"]))
        say(t("written_to", path=str(output)))
        remind_if_exposed(output)
    elif fmt is Format.json:
        out(render.to_json(data))
    elif fmt is Format.csv:
        out(render.antifraud_csv(data))
    elif not data["groups"]:
        say(t("empty_list"))
    else:
        out(render.antifraud_table(data))
