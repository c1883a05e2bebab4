"""`dyz doctor`: check the notebook and its file, and mend what can be mended."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from danyuanzhang.cli.common import Format, FormatOption, YesOption, out, say, state
from danyuanzhang.errors import DyzError
from danyuanzhang.text.i18n import t

if TYPE_CHECKING:
    from danyuanzhang.store import Store
    from danyuanzhang.upkeep.doctor import Checkup

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
    from danyuanzhang.upkeep import health

    if not repair:
        if fmt is Format.json:
            out(json.dumps([shaped.as_json()], ensure_ascii=False, indent=2))
        else:
            say(t("doctor_looking", path=str(path)))
            say(finding_line(shaped))
            say(t("doctor_schema_first"))
        raise typer.Exit(1)
    mended = checks.mend_shape(path)
    if mended:
        say(t("doctor_schema_dropped", objects=described(mended)))
    shaped = health.shape(path)
    if shaped is not None and not shaped.ok:  # a table of dyz's altered or missing
        if fmt is Format.json:
            out(json.dumps([shaped.as_json()], ensure_ascii=False, indent=2))
        else:
            say(finding_line(shaped))
        raise typer.Exit(1)
    return shaped


def _healthy_file(
    ctx: typer.Context, repair: bool, fmt: Format, integrity: Any, yes: bool, shaped: Any
) -> None:
    from danyuanzhang.store import checks
    from danyuanzhang.text.i18n import join
    from danyuanzhang.upkeep import health
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
            out(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2))
        else:
            _say_findings(store.path, findings, checkup)
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
    from danyuanzhang.upkeep import health

    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    findings = health.examine(store, scratch)
    if shaped is not None:
        findings.insert(1, shaped)
    left = [f for f in findings if not f.ok and f.check != "clock"]
    if fmt is Format.json:
        out(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2))
    if left:
        for finding in left:
            say(finding_line(finding))
        say(t("doctor_problems", count=len(left)))
        raise typer.Exit(1)


def _say_findings(path: Path, findings: list[Any], checkup: Checkup) -> None:
    """Each check's line, then what is wrong with the clock, if anything."""
    from danyuanzhang.text.i18n import join

    say(t("doctor_looking", path=str(path)))
    for finding in findings:
        say(finding_line(finding))
    if not checkup.healthy:
        if checkup.clock:
            say(t("doctor_clock_ahead", date=checkup.clock))
        if checkup.poisoned:
            laptops = join(checkup.claimed_by)
            say(t("doctor_poisoned", count=checkup.poisoned, laptops=laptops))
        if checkup.office_list:
            say(t("doctor_office_list"))


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


def finding_line(finding: Any) -> str:
    detail = dict(finding.detail)
    if finding.check == "schema":
        if finding.ok:
            return t("doctor_mark_ok") + t("doctor_ok_schema")
        return "\n".join(t("doctor_mark_bad") + _stranger_line(o) for o in detail["objects"])
    if finding.check == "backup":
        if finding.ok:
            key = "doctor_ok_no_backup_yet" if detail["last"] is None else "doctor_ok_backup"
            if detail["last"] is not None:
                from datetime import date

                from danyuanzhang.text.i18n import day

                detail["day"] = day(date.fromisoformat(detail["last"]))
            return t("doctor_mark_ok") + t(key, **detail)
        since = (
            t("backup_never")
            if detail["last"] is None
            else t("backup_since_days", days=detail["days"])
        )
        return t("doctor_mark_bad") + t("doctor_bad_backup", since=since)
    if "files" in detail:
        detail["count"] = len(detail["files"])
        detail["files"] = "、".join(detail["files"])
    if finding.check == "tables" and detail.get("rows", 0) < 0:  # the rebuild itself failed
        return t("doctor_mark_bad") + t("doctor_bad_tables_unchecked")
    if "tables" in detail:
        detail["tables"] = "、".join(detail["tables"])
    if finding.check == "modes" and "who" in detail:  # a Windows folder open to others
        return t("doctor_mark_bad") + t(
            "doctor_bad_folder", folder=detail["folder"], who="、".join(detail["who"]),
            command=detail["command"],
        )  # fmt: skip
    if finding.check == "clock":
        return t("doctor_mark_ok" if finding.ok else "doctor_mark_bad") + t("doctor_ok_clock")
    mark = "doctor_mark_ok" if finding.ok else "doctor_mark_bad"
    key = f"doctor_{'ok' if finding.ok else 'bad'}_{finding.check}"
    return t(mark) + t(key, **detail)


def _stranger_line(found: dict[str, str]) -> str:
    kind, name = t(f"schema_kind_{found['kind']}"), found["name"]
    if found["how"] == "extra":
        data = t("doctor_schema_data") if found["kind"] == "table" else ""
        return t("doctor_bad_schema_extra", kind=kind, name=name, data=data)
    if found["kind"] == "table":
        return t("doctor_bad_schema_table", name=name)
    return t(f"doctor_bad_schema_{found['how']}", kind=kind, name=name)


def _damaged(path: Path, repair: bool, fmt: Format) -> None:
    """A notebook SQLite calls damaged: rebuilt from its log where the log reads whole, else
    the steps to a backup or the office's bundle."""
    from danyuanzhang.store.faults import StoreError
    from danyuanzhang.upkeep import health

    findings = health.examine_damaged(path)
    log = next(f for f in findings if f.check == "log")
    if fmt is Format.json:
        out(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2))
    else:
        say(t("doctor_looking", path=str(path)))
        for finding in findings:
            if finding.check == "log" and not finding.ok and finding.detail["damaged"] < 0:
                continue
            say(finding_line(finding))
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
