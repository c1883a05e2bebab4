"""What every command shares: the open database, output formats, messages and confirmations."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from danyuanzhang.cli.clicks import Choice, ParamType
from danyuanzhang.errors import DyzError
from danyuanzhang.store import Store
from danyuanzhang.text.formats import Format as Format  # the commands take it from here
from danyuanzhang.text.i18n import t

# the format a file's name asks for, when the command's --format is left as it was
_FORMAT_OF_SUFFIX = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".json": "json",
    ".csv": "csv",
    ".txt": "txt",
}


def format_for(output: Path | None, given: str, default: str, known: Iterable[str]) -> str:
    """`-o 通知.html` alone prints the page, not text in a file called .html: a format left
    at its default follows the file's name when the command knows that format."""
    if output is None or given != default:
        return given
    named = _FORMAT_OF_SUFFIX.get(output.suffix.lower())
    return named if named in set(known) else given


def format_option(accepted: Iterable[Format], help_text: str) -> Any:
    """The --format of a command whose result takes the `accepted` forms, in that order."""
    return typer.Option(
        "--format", "-f", help=help_text, click_type=Choice([f.value for f in accepted])
    )


FormatOption = Annotated[
    Format,
    format_option(
        (Format.table, Format.json, Format.csv), "输出格式 · output format: table | json | csv"
    ),
]
EstateOption = Annotated[
    str | None,
    typer.Option(
        "--estate",
        "-e",
        help="小区名称（只有一个小区时可省略）· estate (may be left out if there is only one)",
    ),
]
AllOption = Annotated[
    bool,
    typer.Option(
        "--all", help="全社区，不只本机负责的地方 · everywhere, not only this laptop's part"
    ),
]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="不再确认 · do not ask to confirm")]
SheetOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="写成表格文件 .xlsx 或 .csv · write a spreadsheet (.xlsx or .csv)"
    ),
]


class Count(ParamType):
    """A count or a number of days as people type it: 3, 三, 十五, 两, 三天."""

    name = "int"

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        if isinstance(value, int):
            return value
        from danyuanzhang.text.inputs import parse_count

        try:
            return parse_count(str(value))
        except DyzError as error:
            self.fail(error.message(), param, ctx)


COUNT = Count()


class State:
    """Per-invocation settings from the root options; the database opens on first use."""

    def __init__(
        self, db: Path | None, by: str | None = None, language_chosen: bool = False
    ) -> None:
        self.db = db
        self.by = by
        # --lang or DYZ_LANG named the language: the notebook's own choice gives way
        self.language_chosen = language_chosen
        self._store: Store | None = None

    def use_saved_language(self, store: Store | None = None) -> None:
        """The language kept in the notebook (`dyz config set language en`), which wins over
        the locale: read from `store` as it opens, or on its own where nothing opens the
        notebook (help)."""
        if self.language_chosen:
            return
        from danyuanzhang.text.i18n import LANGS, LANGUAGE_SETTING, set_lang

        if store is not None:
            saved = store.setting(LANGUAGE_SETTING)
        else:
            from danyuanzhang.store.db import default_path, peek_setting

            saved = peek_setting(self.db or default_path(), LANGUAGE_SETTING)
        if saved in LANGS:
            set_lang(saved)
        self.language_chosen = True  # decided: not read again

    def store(self, with_device: bool = True, remind: bool = True) -> Store:
        if self._store is None:
            from danyuanzhang.store.db import default_path

            path = self.db or default_path()
            store = Store.open(path)
            self.use_saved_language(store)
            store.on_wait = lambda: say(t("db_waiting"))
            if store.created:
                say(t("db_created", path=str(path)))
            if with_device and store.setting("device_id") is None:
                store.ensure_device(default_device_name())
            if with_device and store.setting("signing_key") is None:
                from danyuanzhang.sync.keys import ensure_key

                ensure_key(store)  # a notebook of an earlier version gets its key pair
            from danyuanzhang.upkeep.own_clock import wrong_clock

            warning = wrong_clock(store)
            if warning is not None:
                say(t(warning[0], **warning[1]))
            from danyuanzhang.store.faults import check_daily

            if store.created:
                # what the first command of a day would otherwise note, noted at once
                from danyuanzhang.upkeep.reminders import start_watching

                start_watching(store)
            check_daily(store)
            from danyuanzhang.store import SCRUB_PENDING

            if store.setting(SCRUB_PENDING) is not None:
                store.scrub()
            if self.by is not None:
                from danyuanzhang.text.inputs import parse_name

                store.acting_as = parse_name(self.by)
            if remind:
                from danyuanzhang.upkeep.reminders import backup_reminder

                reminder = backup_reminder(store)
                if reminder is not None:
                    say(reminder)
            self._store = store
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State(None)
    return root.obj


def store_of(ctx: typer.Context) -> Store:
    return state(ctx).store()


def place_of(
    ctx: typer.Context,
    unit: str | None = None,
    building: str | None = None,
    estate: str | None = None,
    everything: bool = False,
) -> Any:
    """Where the command looks (scopes.Place): its options, else this laptop's territory, said
    on the screen so that nobody takes one unit's list for the whole community's."""
    from danyuanzhang.households.scopes import place_for

    place = place_for(store_of(ctx), unit, building, estate, everything)
    if place.by_default:
        say(t("territory_default", where=place.scope.words()))
    return place


def scope_of(
    ctx: typer.Context,
    scope: str | None,
    unit: str | None = None,
    building: str | None = None,
    everything: bool = False,
    estate: str | None = None,
) -> str | None:
    """A report's or a ledger's scope, as text: `--all`, `--unit`, `--building` or `--scope`
    as given, else this laptop's territory (said on the screen), else the whole notebook."""
    if everything:
        return "community"
    if unit:
        return f"unit:{unit}"
    if building:
        return f"building:{building}"
    if scope is not None or estate is not None:
        return scope
    from danyuanzhang.households.scopes import territory

    home = territory(store_of(ctx))
    if home is None or home.whole:
        return None
    say(t("territory_default", where=home.words()))
    return home.key()


def default_device_name() -> str:
    import platform

    return platform.node() or "dyz"


def out(text: str) -> None:
    """Results go to stdout, so they can be piped and redirected."""
    sys.stdout.write(for_a_terminal(text if text.endswith("\n") else text + "\n"))


def for_a_terminal(text: str) -> str:
    """What a result holds that a terminal would obey, made `visible` when stdout is one; a
    pipe or a file gets the data as it is (a CSV's cells unchanged)."""
    if not sys.stdout.isatty():
        return text
    from danyuanzhang.text.visible import visible

    return visible(text.replace("\r\n", "\n"), lines=True)


def say(text: str) -> None:
    """Messages to the person go to stderr, so stdout stays clean for --format json."""
    from danyuanzhang.text.visible import visible

    said = visible(text, lines=True)
    if sys.stderr.isatty():  # broken to the terminal's width; a pipe or a file takes it whole
        from danyuanzhang.text.width import for_the_screen

        said = for_the_screen(said, sys.stderr)
    sys.stderr.write(said + "\n")


def is_interactive() -> bool:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        return False
    return sys.stdin.isatty() and sys.stdout.isatty()


def confirm_or_require_yes(question: str, yes: bool, without_terminal: str = "need_yes") -> None:
    """Ask before an erasure (or another step a person must confirm: `without_terminal` is
    then what to say); with no terminal, insist on --yes rather than wait forever."""
    if yes:
        return
    if not is_interactive():
        raise DyzError(without_terminal)
    if not ask_yes_no(question, default=False):
        raise DyzError("not_confirmed")


def ask_yes_no(question: str, default: bool) -> bool:
    """A yes-or-no question at the terminal, answered 是／否 as well as y/n; Enter takes the
    default; an answer it cannot read is asked again. End of input is the default."""
    from danyuanzhang.text.inputs import parse_yes_no

    hint = t("yes_no_default_yes") if default else t("yes_no_default_no")
    while True:
        sys.stderr.write(f"{question}{hint}")
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line or not line.strip():
            return default
        try:
            return parse_yes_no(line, "")
        except DyzError:
            say(t("yes_no_again"))


def remind_if_exposed(path: Path) -> None:
    """A file with residents' personal data, written where others may read it (a USB stick,
    the Desktop): one line that names it."""
    from danyuanzhang.system.exposure import where_exposed

    place = where_exposed(path)
    if place is not None:
        say(t(f"exposed_{place}", path=str(path)))


def write_output(
    text: str | Iterable[str],
    output: Path | None,
    encoding: str = "utf-8",
    quiet: bool = False,
    personal: bool = True,
) -> None:
    """Print, or write a file through a temporary name so a half-written file never appears;
    `text` may come in pieces, written as they come. A file is `personal` unless it is made to
    be seen (a blank roll, a card for the stairwell wall, a message for the chat group)."""
    if output is None:
        if isinstance(text, str):
            out(text)
            return
        for piece in text:
            sys.stdout.write(for_a_terminal(piece))
        return
    from danyuanzhang.system.writing import written_whole

    target = output.expanduser()
    with written_whole(target) as partial, partial.open("w", encoding=encoding, newline="") as f:
        for piece in [text] if isinstance(text, str) else text:
            f.write(piece)
    if not quiet:
        say(t("written_to", path=str(target)))
    if personal:
        remind_if_exposed(target)


def send_to_chat(messages: list[str], output: Path | None) -> None:
    """Messages for a WeChat group: printed (or written with -o); at a terminal whose system
    has a clipboard, each offered for it in turn, to paste into the group one by one."""
    from danyuanzhang.paperwork.wechat import as_text

    write_output(as_text(messages), output, personal=False)
    if output is not None or not is_interactive():
        return
    from danyuanzhang.system import clipboard

    if not clipboard.available():
        return
    for n, message in enumerate(messages, start=1):
        question = (
            t("wx_copy") if len(messages) == 1 else t("wx_copy_nth", n=n, count=len(messages))
        )
        if not ask_yes_no(question, default=True):
            return
        if not clipboard.copy(message):
            return
        say(t("wx_copied"))


def emit_list(
    items: list[dict[str, Any]],
    fmt: Format,
    columns: list[tuple[str, str]],
    output: Path | None = None,
) -> None:
    """`columns` are (key, catalogue key of its header) for the terminal table and for the
    spreadsheet `output` (.xlsx or .csv), both holding the items as the table shows them;
    the table fits the terminal, its long texts wrapped, never cut short."""
    from danyuanzhang.text import render

    if output is not None:
        from danyuanzhang.text.sheets import write_sheet

        headers = [t(header) for _, header in columns]
        write_sheet(output, headers, ([sheet_cell(i.get(k)) for k, _ in columns] for i in items))
        say(t("written_to", path=str(output)))
        remind_if_exposed(output)
    elif fmt is Format.json:
        out(render.to_json(items))
    elif fmt is Format.csv:
        out(render.to_csv(items))
    elif not items:
        say(t("empty_list"))
    else:
        headers = [t(header) for _, header in columns]
        rows = [[render.csv_cell(item.get(key)) for key, _ in columns] for item in items]
        out(render.text_table(headers, rows))


def sheet_cell(value: Any) -> Any:
    """A value as a spreadsheet's cell shows it: a day as a date, yes or no in words, a list
    as one text."""
    import re
    from datetime import date

    from danyuanzhang.text.i18n import pick

    if isinstance(value, bool):
        return pick("是", "yes") if value else pick("否", "no")
    if isinstance(value, list):
        return pick("、", ", ").join(str(v) for v in value)
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value
