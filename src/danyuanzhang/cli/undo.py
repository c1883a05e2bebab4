"""`dyz undo`: take back this laptop's last command."""

from __future__ import annotations

import typer

from danyuanzhang.cli.common import (
    YesOption,
    confirm_or_require_yes,
    is_interactive,
    say,
    store_of,
)
from danyuanzhang.errors import DyzError
from danyuanzhang.text.i18n import t

undo_app = typer.Typer()


@undo_app.command("undo")
def undo_command(ctx: typer.Context, yes: YesOption = False) -> None:
    """撤销本机上一条命令 · Take back this laptop's last command (shown first, then confirmed)."""
    from danyuanzhang.upkeep import history
    from danyuanzhang.upkeep.undo import last_command, undo

    store = store_of(ctx)
    found = last_command(store)
    if found is None:
        raise DyzError("undo_nothing")
    entry, end = found
    if any(c.op == "delete" for c in entry.changes):
        raise DyzError("undo_erasure")
    if not yes and not is_interactive():  # one line, before anything is shown
        raise DyzError("undo_needs_yes")
    say(t("undo_about", command=history.line(store, entry)))
    confirm_or_require_yes(t("undo_confirm"), yes, "undo_needs_yes")
    done = undo(store, entry, end)
    say(t("undo_done", restored=done.restored, erased=done.erased))
    if done.kept:
        from danyuanzhang.text.i18n import join

        say(t("undo_kept", fields=join(sorted(set(done.kept)))))
