"""`dyz doctor`: check the notebook for what an earlier version let in, and mend it."""

from __future__ import annotations

from typing import Annotated

import typer

from danyuanzhang.cli.common import say, store_of
from danyuanzhang.i18n import t

doctor_app = typer.Typer()


@doctor_app.command("doctor")
def doctor_command(
    ctx: typer.Context,
    repair: Annotated[
        bool,
        typer.Option("--repair", help="修复找到的问题，不丢任何修改 · mend what was found"),
    ] = False,
) -> None:
    """检查工作本（时钟被推到未来等）· Check the notebook: a clock pushed into the future and more."""
    from danyuanzhang.doctor import examine
    from danyuanzhang.doctor import repair as mend
    from danyuanzhang.i18n import join

    store = store_of(ctx)
    checkup = examine(store)
    if checkup.own_date_behind:
        say(t("doctor_own_date_behind", made=checkup.own_date_behind))
        raise typer.Exit(1)
    if checkup.healthy:
        say(t("doctor_healthy"))
        return
    if checkup.clock:
        say(t("doctor_clock_ahead", date=checkup.clock))
    if checkup.poisoned:
        say(t("doctor_poisoned", count=checkup.poisoned, laptops=join(checkup.claimed_by)))
    if checkup.office_list:
        say(t("doctor_office_list"))
    if not repair:
        say(t("doctor_repair_hint"))
        raise typer.Exit(1)
    done = mend(store)
    say(t("doctor_repaired", remade=done.remade, dropped=done.dropped))
