"""`dyz handover`: hand the notebook back to the office and leave no copy on this laptop."""

from __future__ import annotations

import typer

from danyuanzhang.cli.common import (
    YesOption,
    confirm_or_require_yes,
    is_interactive,
    say,
    state,
    store_of,
)
from danyuanzhang.errors import DyzError
from danyuanzhang.text.i18n import t

handover_app = typer.Typer()


@handover_app.command("handover")
def handover_command(ctx: typer.Context, yes: YesOption = False) -> None:
    """卸任交接：确认办公室已收到全部数据后，删掉本机的工作本 · Step down: once the office holds everything, delete the notebook here."""
    from danyuanzhang.sync.handover import office_lacks, wipe
    from danyuanzhang.upkeep.reminders import last_backup

    store = store_of(ctx)
    office, lacking = office_lacks(store)
    if lacking:
        raise DyzError("handover_office_lacks", office=office, count=lacking)
    if not yes and not is_interactive():
        raise DyzError("handover_needs_yes")
    confirm_or_require_yes(t("handover_confirm", office=office), yes, "handover_needs_yes")
    backup = last_backup(store)
    path = store.path
    state(ctx).close()
    wipe(path)
    say(t("handover_done", path=str(path), office=office))
    if backup is not None:
        say(t("handover_backup_left", path=str(backup.get("path", ""))))
