"""`dyz mediation ...`: disputes mediated to the end."""

from __future__ import annotations

from typing import Annotated

import typer

from danyuanzhang.cli.common import (
    EstateOption,
    Format,
    FormatOption,
    emit_list,
    out,
    say,
    store_of,
)
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short
from danyuanzhang.text.words import DISPUTE, MEDIATION_STEP

mediation_app = typer.Typer(help="矛盾调解 · disputes mediated", no_args_is_help=True)

PetitionArgument = Annotated[
    str, typer.Argument(help="调解类诉求的编号（前几位即可）· the dispute's petition id")
]
OnOption = Annotated[str | None, typer.Option("--on", help="哪天，默认今天 · day")]


@mediation_app.command("set")
def mediation_set(
    ctx: typer.Context,
    petition: PetitionArgument,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help=DISPUTE.help)] = None,
    party: Annotated[
        list[str] | None,
        typer.Option("--party", help="另一方的房号（可写多次）· the other side's flat, repeatable"),
    ] = None,
    mediator: Annotated[
        str | None, typer.Option("--mediator", help="调解人：单元长、志愿者或议事会 · who mediates")
    ] = None,
    case_no: Annotated[
        str | None, typer.Option("--case-no", help="卷号，如 芙南调〔2026〕3号 · file number")
    ] = None,
    agreement_no: Annotated[
        str | None, typer.Option("--agreement-no", help="调解协议书编号 · agreement number")
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", help="案件来源，如 当事人申请、排查发现、派出所移交 · how it came"
        ),
    ] = None,
) -> None:
    """记下纠纷类型、当事人和调解人 · Say what the dispute is, who is in it and who mediates, e.g. `dyz mediation set 3fa2 --kind 漏水 --party 1-1-301 --mediator 周阿姨`."""
    from danyuanzhang.cases.mediation import set_dispute
    from danyuanzhang.cases.views import dispute_shown

    item = set_dispute(
        store_of(ctx),
        petition,
        kind=kind,
        parties=party,
        mediator=mediator,
        case_no=case_no,
        agreement_no=agreement_no,
        source=source,
    )
    shown = dispute_shown(item)
    say(t("mediation_set", id=shown["id"], parties=shown["parties"], dispute=shown["dispute"]))


@mediation_app.command("step")
def mediation_step(
    ctx: typer.Context,
    petition: PetitionArgument,
    step: Annotated[str, typer.Argument(help=MEDIATION_STEP.help)],
    party: Annotated[
        str | None, typer.Option("--with", help="和哪一方谈的（房号）· the side talked to")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="经过 · what happened")] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="移交给谁，如 人民调解委员会 · referred to")
    ] = None,
    on: OnOption = None,
) -> None:
    """记一步调解经过 · Record a step, e.g. `dyz mediation step 3fa2 达成协议 --note "楼上修防水，费用各半"`."""
    from danyuanzhang.cases.mediation import take_mediation_step
    from danyuanzhang.text.i18n import word
    from danyuanzhang.text.vocab import MEDIATION_STEPS

    item = take_mediation_step(store_of(ctx), petition, step, on=on, party=party, note=note, to=to)
    last = item["steps"][-1]
    say(t("mediation_step_done", id=short(item["id"]), step=word(last["step"], MEDIATION_STEPS)))
    if item["follow_up_on"] and last["step"] == "agreed":
        say(t("mediation_follow_up", on=item["follow_up_on"]))
    if item["settled"]:
        say(t("mediation_settled", id=short(item["id"])))


@mediation_app.command("list")
def mediation_list(
    ctx: typer.Context,
    open_only: Annotated[
        bool, typer.Option("--open", help="只列出还没调解完的 · open ones only")
    ] = False,
    estate: EstateOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """列出矛盾纠纷 · List the disputes, e.g. `dyz mediation list --open`."""
    from danyuanzhang.cases import views
    from danyuanzhang.cases.mediation import list_disputes

    items = list_disputes(store_of(ctx), estate=estate, open_only=open_only)
    if fmt is Format.table:
        items = [views.dispute_shown(i) for i in items]
    emit_list(items, fmt, views.DISPUTE_COLUMNS)


@mediation_app.command("show")
def mediation_show(
    ctx: typer.Context, petition: PetitionArgument, fmt: FormatOption = Format.table
) -> None:
    """查看一件纠纷的调解经过 · Show a dispute and its mediation."""
    from danyuanzhang.cases.mediation import describe, find_dispute
    from danyuanzhang.cases.views import dispute_text
    from danyuanzhang.text import render

    store = store_of(ctx)
    item = describe(store, find_dispute(store, petition))
    if fmt is Format.json:
        out(render.to_json(item))
        return
    out(dispute_text(item))
