"""`dyz export`, `dyz import`, `dyz conflicts` and `dyz peers`: passing notebooks around."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from danyuanzhang.cli.common import (
    AllOption,
    EstateOption,
    Format,
    FormatOption,
    SheetOption,
    emit_list,
    out,
    remind_if_exposed,
    say,
    store_of,
)
from danyuanzhang.text.i18n import t
from danyuanzhang.text.ids import short

export_app = typer.Typer()
if TYPE_CHECKING:
    from danyuanzhang.store import Store
    from danyuanzhang.sync.importing import ImportReport

import_app = typer.Typer()
peers_app = typer.Typer(
    help="交换过数据的电脑 · the laptops this one exchanges with", invoke_without_command=True
)
conflicts_app = typer.Typer(
    help="冲突：两台电脑改了同一项 · conflicts: one field changed on two laptops",
    invoke_without_command=True,
)


def default_bundle_name(store_name: str) -> Path:
    from datetime import datetime

    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    safe = "".join(ch for ch in store_name if ch.isalnum() or ch in "-_") or "dyz"
    return Path(f"dyz-{safe}-{stamp}.yaml")


@export_app.command("export")
def export_command(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="数据包文件 · bundle file")
    ] = None,
    peer: Annotated[
        str | None, typer.Option("--for", help="只导出对方还没有的 · only what this peer lacks")
    ] = None,
    everything: Annotated[bool, typer.Option("--all", help="导出全部 · everything")] = False,
    scope: Annotated[
        str | None,
        typer.Option(
            "--scope",
            help="只导出一部分：unit:2-2、building:2、area:片区、estate:小区 · only part of it",
        ),
    ] = None,
    estate: EstateOption = None,
    redact: Annotated[
        bool, typer.Option("--redact", help="不含居民个人信息 · without residents' personal data")
    ] = False,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain",
            help="写出不加密、谁都能看的文件（含居民个人信息时必须写明）· write a readable file"
            " (required for one with residents' personal data)",
        ),
    ] = False,
) -> None:
    """导出数据包，带给别的电脑 · Export a bundle for another laptop, e.g. `dyz export --for 社区办公室`."""
    from danyuanzhang.sync.exporting import export_bundle
    from danyuanzhang.text.i18n import counted

    store = store_of(ctx)
    path = output or default_bundle_name(store.device()[1])
    report = export_bundle(
        store,
        path,
        peer=peer,
        everything=everything,
        redact=redact,
        scope=scope,
        estate=estate,
        plain=plain,
    )
    if report.nothing_new:
        if report.peer:
            say(t("export_nothing_new", peer=report.peer))
        else:
            say(t("export_nothing_new_plain"))
        return
    if report.join_request:
        from danyuanzhang.sync.keys import ensure_key, fingerprint

        key = fingerprint(ensure_key(store))
        say(t("export_join_request", path=str(report.path), fingerprint=key))
        return
    if report.peer_unknown:
        say(t("export_peer_first_time", peer=report.peer))
    if report.list_only:
        say(t("export_list_only", path=str(report.path)))
        return
    if report.receipt_only:
        say(t("export_receipt_only", path=str(report.path)))
        return
    if report.scope is not None:
        say(t("export_scoped", scope=report.scope.words()))
    say(
        t(
            "exported" if report.new == report.changes else "exported_with_context",
            path=str(report.path),
            changes=counted(report.changes, "条修改", "change"),
            new=counted(report.new, "条新修改", "new change"),
            size_kb=max(1, report.size // 1024),
        )
    )
    if report.sealed_for:
        say(t("export_sealed", peer=report.sealed_for))
    elif report.plain_personal and peer is None:
        say(t("export_plain_warning"))
    elif report.plain_personal and report.no_key:
        say(t("export_no_key", peer=report.peer))
    elif report.plain_personal:
        say(t("export_plain_asked"))
    if report.plain_personal and not report.sealed_for:
        remind_if_exposed(report.path)


@import_app.command("import")
def import_command(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="数据包文件，可多个 · bundle files")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只检查，不写入 · check only")] = False,
    accept_erasures: Annotated[
        bool,
        typer.Option(
            "--accept-erasures",
            help="核实过后，执行一次删除多户的数据包 · apply a bundle erasing many households",
        ),
    ] = False,
) -> None:
    """导入别的电脑的数据包 · Import bundles from other laptops, e.g. `dyz import 2-2单元.yaml`."""
    from danyuanzhang.errors import DyzError
    from danyuanzhang.sync.bundle.yamlwalk import with_libyaml
    from danyuanzhang.sync.importing import import_bundle

    store = store_of(ctx)
    refused = 0
    for path in files:
        try:
            with progress_bar(path) as progress:
                report = import_bundle(
                    store, path, dry_run=dry_run, progress=progress, accept_erasures=accept_erasures
                )
        except DyzError as error:
            if len(files) == 1:
                raise
            say(error.message())  # each bundle is its own transaction: go on with the next
            refused += 1
            continue
        _say_report(store, path, report, dry_run)
    if not with_libyaml():  # after what was read: a refusal stays one line
        say(t("import_yaml_without_libyaml"))
    if refused:
        say(t("import_some_refused", refused=refused, total=len(files)))
        raise typer.Exit(1)


def _say_report(store: Store, path: Path, report: ImportReport, dry_run: bool) -> None:
    """What one bundle brought, or why it brought nothing."""
    from danyuanzhang.text.i18n import counted

    if report.own:
        say(t("import_own", path=str(path)))
        return
    if report.erasures_accepted:
        say(t("import_erasures_accepted", path=str(path), count=len(report.erasures_accepted)))
        say_households(report.erasures_accepted)
        return
    if report.seen_before:
        say(t("import_seen_before", path=str(path)))
        return
    if report.join_request:
        say(
            t(
                "import_join_request",
                path=str(path),
                sender=report.sender,
                fingerprint=report.sender_fingerprint,
            )
        )
        return
    key = "import_checked" if dry_run else "imported"
    added = counted(report.added, "条修改", "change")
    say(t(key, path=str(path), sender=report.sender, added=added, already=report.already))
    if report.scope:
        from danyuanzhang.households.scopes import parse_scope

        say(t("import_scoped", scope=parse_scope(store, report.scope).words()))
    if report.office_trusted:
        say(
            t(
                "import_office_trusted",
                office=report.office_trusted,
                fingerprint=report.sender_fingerprint,
            )
        )
    if report.revoked_now:
        from danyuanzhang.text.i18n import join

        say(t("import_revoked_now", names=join(report.revoked_now)))
    if report.me_revoked:
        say(t("import_me_revoked", me=store.device()[1]))
    if report.community_adopted:
        say(t("import_community_adopted", community=report.community_adopted))
    if report.erasures_held:
        say_held_erasures(report, dry_run)
    if report.ignored_erased:
        say(t("import_ignored_erased", count=report.ignored_erased))
    if report.conflicted:
        _say_conflicts(store, report.conflicted, dry_run)


def say_households(flats: list[str]) -> None:
    from danyuanzhang.sync.importing import listed_households

    for line in listed_households(flats):
        say(line)


def say_held_erasures(report: ImportReport, dry_run: bool) -> None:
    """The erasures held, by the laptop that made them, with the rule and what to run."""
    unseen, days = report.erasure_rule
    by_laptop: dict[str, list[str]] = {}
    for held in report.erasures_held:
        by_laptop.setdefault(held.laptop, []).append(held.flat)
    for laptop, flats in by_laptop.items():
        key = "import_erasures_would_hold" if dry_run else "import_erasures_held"
        say(
            t(key, path=str(report.path), laptop=laptop, count=len(flats), unseen=unseen, days=days)
        )
        say_households(sorted(flats))


CONFLICTS_LISTED = 5  # after an import; `dyz conflicts list` shows them all


def _say_conflicts(store: Store, conflicted: dict[str, tuple[str, str]], dry_run: bool) -> None:
    """How many conflicts, per field when they are many, and the first few: a flood of
    conflicts is a few lines."""
    from danyuanzhang.sync import views
    from danyuanzhang.sync.conflicts import show_conflict

    for line in views.conflicts_counted(conflicted, CONFLICTS_LISTED):
        say(line)
    if dry_run:
        return
    for conflict_id, (entity, name) in list(conflicted.items())[:CONFLICTS_LISTED]:
        say(views.conflict_line(show_conflict(store, conflict_id), entity, name))
    if len(conflicted) > CONFLICTS_LISTED:
        say(t("import_conflicts_more", more=len(conflicted) - CONFLICTS_LISTED))


PROGRESS_FROM_BYTES = 2_000_000  # about 10,000 changes: a second or more


@contextmanager
def progress_bar(path: Path) -> Iterator[Callable[[str, float], None] | None]:
    """A bar on stderr for a bundle that takes more than a moment, when a person is watching."""
    try:
        big = path.stat().st_size >= PROGRESS_FROM_BYTES
    except OSError:
        big = False
    if not big or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, Progress, TextColumn

    with Progress(
        TextColumn("{task.description}"), BarColumn(), console=Console(stderr=True), transient=True
    ) as bar:
        task = bar.add_task(escape(t("progress_read", name=path.name)), total=1.0)

        def report(phase: str, fraction: float) -> None:
            label = escape(
                t("progress_read" if phase == "read" else "progress_write", name=path.name)
            )
            bar.update(task, description=label, completed=min(fraction, 1.0))

        yield report


@peers_app.callback()
def peers_default(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """交换过数据的电脑 · The laptops this one has exchanged bundles with; `dyz peers` lists them."""
    if ctx.invoked_subcommand is None:
        peers_list(ctx, fmt)


@peers_app.command("list")
def peers_list(
    ctx: typer.Context, fmt: FormatOption = Format.table, output: SheetOption = None
) -> None:
    """列出交换过数据的电脑 · List the laptops this one has exchanged bundles with."""
    from danyuanzhang.sync import views
    from danyuanzhang.sync.peers import list_peers

    store = store_of(ctx)
    items = list_peers(store)
    if fmt is Format.table or output is not None:
        items = views.peers_shown(store, items)
    emit_list(items, fmt, views.PEER_COLUMNS, output)


@peers_app.command("scope")
def peers_scope(
    ctx: typer.Context,
    peer: Annotated[str, typer.Argument(help="对方电脑的名称或编号 · the laptop")],
    scope: Annotated[
        str,
        typer.Argument(
            help="unit:2-2、building:2、area:片区、estate:小区 或 community（全部）· the part it gets"
        ),
    ],
    estate: EstateOption = None,
) -> None:
    """记住给某台电脑导出哪一部分 · Remember the part of the notebook a laptop receives, e.g. `dyz peers scope 周玉梅的电脑 unit:2-2`."""
    from danyuanzhang.sync.peers import set_scope

    done = set_scope(store_of(ctx), peer, scope, estate)
    if done["scope"].whole:
        say(t("peer_scope_cleared", peer=done["peer"]))
    else:
        say(t("peer_scope_set", peer=done["peer"], scope=done["scope"].words()))


@conflicts_app.callback()
def conflicts_default(
    ctx: typer.Context, fmt: FormatOption = Format.table, everything: AllOption = False
) -> None:
    """冲突：两台电脑改了同一项 · Conflicts: one field changed on two laptops; `dyz conflicts` lists them."""
    if ctx.invoked_subcommand is None:
        conflicts_list(ctx, fmt, everything=everything)


@conflicts_app.command("list")
def conflicts_list(
    ctx: typer.Context,
    fmt: FormatOption = Format.table,
    output: SheetOption = None,
    everything: AllOption = False,
) -> None:
    """列出冲突（默认只列本机负责的地方）· List conflicts (this laptop's part unless --all)."""
    from danyuanzhang.sync import views
    from danyuanzhang.sync.conflicts import list_conflicts

    items = list_conflicts(store_of(ctx), everywhere=everything)
    if fmt is Format.table or output is not None:
        items = views.conflicts_shown(items)
    emit_list(items, fmt, views.CONFLICT_COLUMNS, output)


@conflicts_app.command("show")
def conflicts_show(
    ctx: typer.Context,
    conflict: Annotated[str, typer.Argument(help="冲突编号 · conflict id")],
    fmt: FormatOption = Format.table,
) -> None:
    """查看一处冲突 · Show both values of a conflict, who made them and when."""
    from danyuanzhang.sync import views
    from danyuanzhang.sync.conflicts import show_conflict
    from danyuanzhang.text import render

    item = show_conflict(store_of(ctx), conflict)
    if fmt is Format.json:
        out(render.to_json(item))
    elif fmt is Format.csv:
        out(render.to_csv(item["values"]))
    else:
        out(views.conflict_text(item))
        say(t("conflict_how", id=short(item["id"])))


@conflicts_app.command("resolve")
def conflicts_resolve(
    ctx: typer.Context,
    conflict: Annotated[str, typer.Argument(help="冲突编号 · conflict id")],
    keep: Annotated[
        str,
        typer.Option(
            "--keep",
            help="mine（本机的）| theirs（对方的）| 要保留的值 · mine, theirs or the value",
        ),
    ],
) -> None:
    """解决冲突（这个决定会随数据包传到别的电脑）· Settle a conflict; the decision travels too."""
    from danyuanzhang.sync.conflicts import resolve_conflict

    item = resolve_conflict(store_of(ctx), conflict, keep)
    say(
        t(
            "conflict_resolved",
            what=item["what"],
            field=item["field_label"],
            value=item["value_text"],
        )
    )
