"""`dyz council ...`: the residents' council, its agenda, proposals and the office's answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from danyuanzhang.cli.common import COUNT, say, store_of, write_output
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short
from danyuanzhang.text.words import DECISION

council_app = typer.Typer(help="“小巷回声”议事会 · the residents' council", no_args_is_help=True)


@council_app.command("propose")
def council_propose(
    ctx: typer.Context,
    petitions: Annotated[list[str], typer.Argument(help="已上报的诉求编号 · escalated petitions")],
    text: Annotated[str, typer.Option("--text", "-t", help="建议内容 · the proposal")],
    on: Annotated[str | None, typer.Option("--on", help="日期 · date")] = None,
    place: Annotated[str | None, typer.Option("--place", help="开会地点 · where")] = None,
    host: Annotated[str | None, typer.Option("--host", help="主持人 · chaired by")] = None,
    recorder: Annotated[
        str | None, typer.Option("--recorder", help="记录人（默认本人）· minutes by")
    ] = None,
    expected: Annotated[
        int | None, typer.Option("--expected", help="应到人数 · members", click_type=COUNT)
    ] = None,
    present: Annotated[
        int | None, typer.Option("--present", help="实到人数 · present", click_type=COUNT)
    ] = None,
    votes_for: Annotated[
        int | None, typer.Option("--for", help="赞成票 · votes for", click_type=COUNT)
    ] = None,
    votes_against: Annotated[
        int | None, typer.Option("--against", help="反对票 · votes against", click_type=COUNT)
    ] = None,
    votes_abstain: Annotated[
        int | None, typer.Option("--abstain", help="弃权票 · abstained", click_type=COUNT)
    ] = None,
) -> None:
    """形成建议报社区，记下这次议事会 · Turn escalated petitions into a proposal, with the meeting's record, e.g. `dyz council propose 3fa2 --text 增设车位 --place 社区活动室 --host 李秀兰 --expected 11 --present 9 --for 8 --against 0 --abstain 1`."""
    from danyuanzhang.cases.council import propose
    from danyuanzhang.cases.council_shape import Meeting

    meeting: Meeting = {
        "place": place,
        "host": host,
        "recorder": recorder,
        "expected": expected,
        "present": present,
        "votes_for": votes_for,
        "votes_against": votes_against,
        "votes_abstain": votes_abstain,
    }
    made = propose(store_of(ctx), petitions, text, on=on, meeting=meeting)
    from danyuanzhang.text.i18n import counted

    how_many = counted(len(made["petitions"]), "条诉求", "petition")
    say(t("proposal_made", id=short(made["id"]), petitions=how_many))


@council_app.command("decide")
def council_decide(
    ctx: typer.Context,
    proposal: Annotated[str, typer.Argument(help="建议编号 · proposal id")],
    decision: Annotated[str, typer.Argument(help=DECISION.help)],
    note: Annotated[str | None, typer.Option("--note", help="备注 · note")] = None,
    on: Annotated[str | None, typer.Option("--on", help="日期 · date")] = None,
) -> None:
    """登记社区对建议的决定 · Record the office's answer to a proposal."""
    from danyuanzhang.cases.council import decide

    made = decide(store_of(ctx), proposal, decision, note=note, on=on)
    say(t("proposal_decided", id=short(made["id"]), decision=t(f"pstep_{made['decision']}")))


@council_app.command("agenda")
def council_agenda(
    ctx: typer.Context,
    on: Annotated[
        str | None, typer.Option("--date", help="会议日期，默认今天 · meeting date")
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="格式：table | md | html | json | text（发微信群）· format: table | md | html | json | text (for WeChat)",
        ),
    ] = "table",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="写入文件 · write to file")
    ] = None,
) -> None:
    """议事会议程 · The agenda: matters waiting, households behind each, proposals awaiting answers."""
    from danyuanzhang.cases.council import agenda
    from danyuanzhang.cases.council_shape import Agenda
    from danyuanzhang.errors import DyzError
    from danyuanzhang.paperwork import render_pages
    from danyuanzhang.text import render

    renderers: dict[str, Callable[[Agenda], str]] = {
        "table": render.agenda_table,
        "md": render.agenda_md,
        "html": render_pages.agenda_page,
        "json": render.to_json,
    }
    from danyuanzhang.cli.common import format_for

    fmt = format_for(output, fmt, "table", renderers)
    if fmt not in (*renderers, "text"):
        raise DyzError("bad_agenda_format", format=fmt)
    data = agenda(store_of(ctx), on=on)
    if fmt == "text":
        from danyuanzhang.cli.common import send_to_chat
        from danyuanzhang.paperwork.wechat import agenda_messages

        # the messages (paperwork/wechat.py) read the agenda as a plain dict
        send_to_chat(agenda_messages(dict(data)), output)
    else:
        write_output(renderers[fmt](data), output)
