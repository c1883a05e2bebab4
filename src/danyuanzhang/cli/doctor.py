"""`dyz doctor`: check the notebook and its file, and mend what can be mended."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from danyuanzhang.cli.common import Format, FormatOption, YesOption, out, say, state
from danyuanzhang.errors import DyzError
from danyuanzhang.text.i18n import t

if TYPE_CHECKING:
    from danyuanzhang.store import Store

doctor_app = typer.Typer()


@doctor_app.command("doctor")
def doctor_command(
    ctx: typer.Context,
    repair: Annotated[
        bool,
        typer.Option("--repair", help="修复找到的问题，不丢任何修改 · mend what was found"),
    ] = False,
    fmt: FormatOption = Format.table,
    yes: YesOption = False,
) -> None:
    """检查工作本（文件是否完整、时钟、临时文件、备份）· Check the notebook: the file, the clock, stray files, backups."""
    from danyuanzhang.store.db import default_path
    from danyuanzhang.upkeep import health

    path = state(ctx).db or default_path()
    # before the notebook is opened and read: a trigger or a view put in it would run
    shaped = health.shape(path)
    if shaped is not None and not shaped.ok:
        shaped = _strange_shape(path, shaped, repair, fmt)
    try:
        store = state(ctx).store(remind=False)
    except DyzError as error:
        if error.key != "db_damaged":
            raise
        _damaged(path, repair, fmt)
        return
    integrity = health.integrity(store)
    if not integrity.ok:
        state(ctx).close()
        _damaged(path, repair, fmt)
        return
    _healthy_file(ctx, repair, fmt, integrity, yes, shaped)


def _strange_shape(path: Path, shaped: Any, repair: bool, fmt: Format) -> Any:
    """What dyz does not make, found in the notebook: named one per line; dropped with
    --repair, after which the other checks go on. Without it they wait: they would read
    the notebook, and run what was put in it."""
    from danyuanzhang.store import checks
    from danyuanzhang.store.shape import described
    from danyuanzhang.upkeep import health, views

    if not repair:
        if fmt is Format.json:
            out(views.findings_json([shaped]))
        else:
            say(t("doctor_looking", path=str(path)))
            say(views.finding_line(shaped))
            say(t("doctor_schema_first"))
        raise typer.Exit(1)
    mended = checks.mend_shape(path)
    if mended:
        say(t("doctor_schema_dropped", objects=described(mended)))
    shaped = health.shape(path)
    if shaped is not None and not shaped.ok:  # a table of dyz's altered or missing
        if fmt is Format.json:
            out(views.findings_json([shaped]))
        else:
            say(views.finding_line(shaped))
        raise typer.Exit(1)
    return shaped


def _healthy_file(
    ctx: typer.Context, repair: bool, fmt: Format, integrity: Any, yes: bool, shaped: Any
) -> None:
    from danyuanzhang.store import checks
    from danyuanzhang.text.i18n import join
    from danyuanzhang.upkeep import health, views
    from danyuanzhang.upkeep.backup import private_temporary_folder, scratch_folder, scratch_name
    from danyuanzhang.upkeep.doctor import examine
    from danyuanzhang.upkeep.doctor import repair as mend_clock

    store = state(ctx).store(remind=False)
    checks.read_leniently(store)
    checkup = examine(store)
    if checkup.own_date_behind:
        say(t("doctor_own_date_behind", made=checkup.own_date_behind))
        raise typer.Exit(1)
    home = store.path.resolve().parent
    scratch = scratch_folder(home, private_temporary_folder()) / scratch_name("doctor")
    try:
        findings = health.examine(store, scratch, integrity)
        if shaped is not None:
            findings.insert(1, shaped)
        clock = health.Finding(
            "clock",
            checkup.healthy,
            {"pushed_to": checkup.clock, "poisoned": checkup.poisoned},
            not checkup.healthy,
        )
        findings.insert(3, clock)
        if fmt is Format.json and not repair:
            out(views.findings_json(findings))
        else:
            for line in views.findings_lines(store.path, findings, checkup):
                say(line)
        problems = [f for f in findings if not f.ok]
        if not problems:
            say(t("doctor_healthy"))
            return
        if not repair:
            if not checkup.healthy:
                say(t("doctor_repair_hint"))
            say(t("doctor_problems", count=len(problems)))
            raise typer.Exit(1)
        erase = _erasure_confirmed(findings, yes)
        mended = health.mend(store, findings, scratch, erase)
        if not checkup.healthy:
            done = mend_clock(store)
            say(t("doctor_repaired", remade=done.remade, dropped=done.dropped))
        if mended:
            say(t("doctor_mended", checks=join(t(f"doctor_ok_{c}") for c in mended)))
        _look_again(store, scratch, shaped, fmt)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)


def _look_again(store: Store, scratch: Path, shaped: Any, fmt: Format) -> None:
    """The checks once more after mending, as one mend may have mended more (tables rebuilt
    point right again); exit 1 if any problem is left."""
    from danyuanzhang.upkeep import health, views

    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    findings = health.examine(store, scratch)
    if shaped is not None:
        findings.insert(1, shaped)
    left = [f for f in findings if not f.ok and f.check != "clock"]
    if fmt is Format.json:
        out(views.findings_json(findings))
    if left:
        for finding in left:
            say(views.finding_line(finding))
        say(t("doctor_problems", count=len(left)))
        raise typer.Exit(1)


def _erasure_confirmed(findings: list[Any], yes: bool) -> bool:
    """Residents long gone are erased only when a person says so (or --yes)."""
    from danyuanzhang.cli.common import ask_yes_no, is_interactive

    due = next((f for f in findings if f.check == "retention" and not f.ok), None)
    if due is None:
        return False
    if yes:
        return True
    if not is_interactive():
        say(t("doctor_retention_needs_yes"))
        return False
    return ask_yes_no(t("doctor_retention_confirm", count=due.detail["residents"]), False)


def _damaged(path: Path, repair: bool, fmt: Format) -> None:
    """A notebook SQLite calls damaged: rebuilt from its log where the log reads whole, else
    the steps to a backup or the office's bundle."""
    from danyuanzhang.store.faults import StoreError
    from danyuanzhang.upkeep import health, views

    findings = health.examine_damaged(path)
    log = next(f for f in findings if f.check == "log")
    if fmt is Format.json:
        out(views.findings_json(findings))
    else:
        say(t("doctor_looking", path=str(path)))
        for finding in findings:
            if finding.check == "log" and not finding.ok and finding.detail["damaged"] < 0:
                continue
            say(views.finding_line(finding))
    if not log.ok:
        say(t("doctor_damaged_lost"))
        raise typer.Exit(1)
    if not repair:
        say(t("doctor_damaged_rebuildable"))
        raise typer.Exit(1)
    try:
        aside = health.rebuild_damaged(path)
    except (StoreError, OSError):  # the log read whole, yet could not be rebuilt
        say(t("doctor_damaged_lost"))
        raise typer.Exit(1) from None
    say(t("doctor_rebuilt", path=str(path), aside=str(aside)))
