"""`dyz backup` and `dyz restore`: an encrypted copy of the notebook, and getting it back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from danyuanzhang.cli.common import (
    YesOption,
    confirm_or_require_yes,
    is_interactive,
    say,
    state,
)
from danyuanzhang.errors import DyzError
from danyuanzhang.text.i18n import t

if TYPE_CHECKING:
    from danyuanzhang.upkeep.backup import Header

backup_app = typer.Typer()
restore_app = typer.Typer()

PassphraseFileOption = Annotated[
    Path | None,
    typer.Option(
        "--passphrase-file",
        help="从文件第一行读口令（脚本用）· read the passphrase from a file's first line",
    ),
]


def passphrase_from(file: Path | None, twice: bool) -> str:
    """The passphrase: a file's first line, or asked at the terminal (twice for a new
    backup); without a terminal and a file, one line saying how to give it."""
    if file is not None:
        from danyuanzhang.system.userfiles import read_bounded

        try:  # a passphrase is a line: a file of more than 64 KiB is the wrong file
            lines = read_bounded(file, 64 << 10).decode("utf-8-sig").splitlines()
        except UnicodeDecodeError:
            raise DyzError("file_encoding", path=str(file)) from None
        if not lines or not lines[0].strip("\r\n"):
            raise DyzError("backup_passphrase_file_empty", path=str(file))
        return lines[0].strip("\r\n")
    if not is_interactive():
        raise DyzError("backup_passphrase_needed" if twice else "restore_passphrase_needed")
    import getpass

    first = getpass.getpass(t("backup_passphrase_ask"))
    if twice:
        from danyuanzhang.upkeep.backup import check_passphrase

        check_passphrase(first)
        if getpass.getpass(t("backup_passphrase_again")) != first:
            raise DyzError("backup_passphrase_differ")
    return first


@backup_app.command("backup")
def backup_command(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="备份文件，如 E:/dyz-backup-2026-12-03.dyzbak · the backup file to write",
        ),
    ] = None,
    passphrase_file: PassphraseFileOption = None,
    to_office: Annotated[
        bool,
        typer.Option(
            "--to-office",
            help="加密给社区办公室（不用口令，只有办公室的电脑能打开）· sealed to the office, no passphrase",
        ),
    ] = False,
) -> None:
    """备份工作本（加密）· Back up the notebook, encrypted with a passphrase, e.g. `dyz backup -o E:/dyz-backup.dyzbak`."""
    from danyuanzhang.system.writing import size_words
    from danyuanzhang.text.inputs import day_or_today
    from danyuanzhang.upkeep.backup import default_name, make_backup
    from danyuanzhang.upkeep.reminders import backed_up

    store = state(ctx).store(remind=False)
    today = day_or_today(None)
    target = (output or Path(default_name(today))).expanduser()
    if target.is_dir():
        target = target / default_name(today)
    office = None
    passphrase = None
    if to_office:
        from danyuanzhang.sync.members import office_of

        listed = office_of(store)
        if listed is None:
            raise DyzError("backup_no_office")
        office = (listed.device, listed.name, listed.key)
    else:
        passphrase = passphrase_from(passphrase_file, twice=True)
    header = make_backup(store, target, passphrase, office)
    backed_up(store, target, header.changes)
    say(
        t(
            "backup_written",
            path=str(target),
            size=size_words(target.stat().st_size),
            changes=header.changes,
        )
    )


@restore_app.command("restore")
def restore_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="备份文件 · the backup file", show_default=False)],
    passphrase_file: PassphraseFileOption = None,
    overwrite: Annotated[
        bool,
        typer.Option(
            "--overwrite",
            help="工作本里有备份没有的修改时也覆盖 · replace even changes the backup lacks",
        ),
    ] = False,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            help="恢复到这个文件（办公室恢复别的电脑的备份时用）· restore into this file",
        ),
    ] = None,
    yes: YesOption = False,
    as_that_laptop: Annotated[
        bool,
        typer.Option(
            "--as-that-laptop",
            help="备份是另一台电脑的也恢复，本机从此成为那台电脑 · restore another laptop's backup, taking its identity",
        ),
    ] = False,
) -> None:
    """从备份恢复工作本 · Restore the notebook from a backup, e.g. `dyz restore E:/dyz-backup.dyzbak`."""
    from danyuanzhang.store.db import default_path
    from danyuanzhang.upkeep.backup import read_header, restore

    header = read_header(file)
    seed = signer = None
    if header.office is not None:  # sealed to the office: opened with the office's own key
        if into is None:
            raise DyzError("restore_sealed_needs_into", office=header.office[1])
        seed, signer = _office_seed_and_signer(ctx, header, file)
    notebook = into or state(ctx).db or default_path()
    if passphrase_file is None and is_interactive():  # what is about to come back, first
        say(
            t(
                "restore_about",
                laptop=header.laptop_name,
                made=header.made_words(),
                changes=header.changes,
            )
        )
    _same_laptop_or_confirmed(notebook, header.laptop_name, header.laptop, as_that_laptop)
    passphrase = None if header.office is not None else passphrase_from(passphrase_file, False)

    def replace_or_not() -> None:  # asked once the backup is known to be restorable
        if notebook.exists() and notebook.stat().st_size > 0:
            confirm_or_require_yes(
                t("restore_confirm", path=str(notebook)), yes or not is_interactive()
            )

    done = restore(
        notebook,
        file,
        passphrase,
        overwrite=overwrite,
        signing_seed=seed,
        signer=signer,
        confirm=replace_or_not,
    )
    say(t("restore_done", path=str(notebook), changes=header.changes))
    if done.kept_aside is not None:
        say(t("restore_kept_aside", path=str(done.kept_aside)))


def _same_laptop_or_confirmed(notebook: Path, name: str, laptop: str, confirmed: bool) -> None:
    """A backup of another laptop makes this one that laptop: its id, name and keys. Said,
    and asked at a terminal; without one, only with --as-that-laptop."""
    from danyuanzhang.store.backups import laptop_of

    mine = laptop_of(notebook)
    if mine is None or mine[0] == laptop or confirmed:
        return
    words = {"laptop": name, "mine": mine[1]}
    if not is_interactive():
        raise DyzError("restore_other_laptop", **words)
    from danyuanzhang.cli.common import ask_yes_no

    if not ask_yes_no(t("restore_other_laptop_confirm", **words), default=False):
        raise DyzError("not_confirmed")


def _office_seed_and_signer(
    ctx: typer.Context, header: Header, file: Path
) -> tuple[bytes, tuple[str, str]]:
    """This laptop's private key, when it is the office the backup is sealed to, and the name
    and key it knows for the laptop the backup claims to come from."""
    import base64

    from danyuanzhang.sync.keys import PRIVATE
    from danyuanzhang.sync.members import signer_of_backup

    assert header.office is not None
    store = state(ctx).store(remind=False)
    if store.device()[0] != header.office[0] or store.setting(PRIVATE) is None:
        raise DyzError("backup_sealed_elsewhere", path=str(file), office=header.office[1])
    signer = signer_of_backup(store, header.laptop, header.laptop_name, file)
    return base64.b64decode(str(store.setting(PRIVATE))), signer
