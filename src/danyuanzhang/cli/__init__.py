"""The `dyz` command: parse, call the domain, render. No SQL and no rules live here."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from danyuanzhang import __version__
from danyuanzhang.cli.clicks import UsageError
from danyuanzhang.cli.common import State, say, state
from danyuanzhang.errors import DyzError

# Each command group lives in its own module and is imported only when it is used: building
# every command's options on each start would cost `dyz hazard add` a third of its start-up.
LAZY_COMMANDS = {
    "init": ("danyuanzhang.cli.setup", "init_app"),
    "today": ("danyuanzhang.cli.today", "today_app"),
    "household": ("danyuanzhang.cli.households", "household_app"),
    "resident": ("danyuanzhang.cli.households", "resident_app"),
    "duplicates": ("danyuanzhang.cli.households", "duplicates_app"),
    "roster": ("danyuanzhang.cli.roster", "roster_app"),
    "flag": ("danyuanzhang.cli.roster", "flag_app"),
    "card": ("danyuanzhang.cli.roster", "card_app"),
    "hazard": ("danyuanzhang.cli.hazards", "hazard_app"),
    "patrol": ("danyuanzhang.cli.patrols", "patrol_app"),
    "ledger": ("danyuanzhang.cli.ledgers", "ledger_app"),
    "petition": ("danyuanzhang.cli.petitions", "petition_app"),
    "council": ("danyuanzhang.cli.council", "council_app"),
    "volunteer": ("danyuanzhang.cli.volunteers", "volunteer_app"),
    "service": ("danyuanzhang.cli.volunteers", "service_app"),
    "mediation": ("danyuanzhang.cli.mediation", "mediation_app"),
    "visit": ("danyuanzhang.cli.visits", "visit_app"),
    "antifraud": ("danyuanzhang.cli.visits", "antifraud_app"),
    "config": ("danyuanzhang.cli.config", "config_app"),
    "report": ("danyuanzhang.cli.report", "report_app"),
    "export": ("danyuanzhang.cli.sync", "export_app"),
    "import": ("danyuanzhang.cli.sync", "import_app"),
    "conflicts": ("danyuanzhang.cli.sync", "conflicts_app"),
    "peers": ("danyuanzhang.cli.sync", "peers_app"),
    "members": ("danyuanzhang.cli.members", "members_app"),
    "doctor": ("danyuanzhang.cli.doctor", "doctor_app"),
    "backup": ("danyuanzhang.cli.backup", "backup_app"),
    "restore": ("danyuanzhang.cli.backup", "restore_app"),
    "log": ("danyuanzhang.cli.history", "log_app"),
    "undo": ("danyuanzhang.cli.undo", "undo_app"),
    "handover": ("danyuanzhang.cli.handover", "handover_app"),
    "demo": ("danyuanzhang.cli.setup", "demo_app"),
}


# the subcommand a group runs when none is named
DEFAULT_SUBCOMMANDS = {"visit": "start", "patrol": "record"}


class DyzGroup(TyperGroup):
    """Loads command groups lazily; turns user errors into one translated line and unexpected
    ones into no traceback."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return list(super().parse_args(ctx, args))
        except UsageError as error:
            _usage_exit(ctx, error)
            raise

    def list_commands(self, ctx: Any) -> list[str]:  # noqa: ARG002 click imposes signature
        return list(LAZY_COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:  # noqa: ARG002 click imposes signature
        if cmd_name not in LAZY_COMMANDS:
            return None
        import typer.main

        sub_app = _sub_app(cmd_name)
        if _is_plain_group(sub_app):
            return LazySubGroup(sub_app, cmd_name, DEFAULT_SUBCOMMANDS.get(cmd_name))
        command = typer.main.get_command(sub_app)
        command.name = cmd_name
        return command

    def summary(self, cmd_name: str) -> tuple[str, bool]:
        """A command's help text and whether it is hidden, as `get_command` would give them,
        without building its options: `dyz --help` shows only these two of each command."""
        import inspect

        import typer.main
        import typer.models

        sub_app = _sub_app(cmd_name)
        if _is_plain_group(sub_app):
            return str(sub_app.info.help), False
        if sub_app.registered_callback is None:
            info = sub_app.registered_commands[0]
            text = (
                inspect.getdoc(info.callback) if info.help is None else inspect.cleandoc(info.help)
            )
            return text or "", info.hidden
        group_info = typer.models.TyperInfo(sub_app)
        hidden = typer.main.solve_typer_info_defaults(group_info).hidden
        return typer.main.solve_typer_info_help(group_info), bool(hidden)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except DyzError as error:
            say(error.message())
            ctx.exit(error.exit_code)
        except UsageError as error:
            _usage_exit(ctx, error)
        except KeyboardInterrupt:
            from danyuanzhang.text.i18n import t

            say(t("cancelled"))
            ctx.exit(130)
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:
            # the reader went away (`dyz household list | head -2`): nothing more to say
            _silence_stdout()
            ctx.exit(141)
        except Exception as error:
            from danyuanzhang.store.faults import StoreError, explained, is_fault

            if isinstance(error, StoreError) and is_fault(error):
                # a full disk, a busy, read-only or damaged file: said as such, not "internal"
                if os.environ.get("DYZ_DEBUG"):
                    raise
                say(explained(error, _notebook_path(ctx)).message())
                ctx.exit(1)
            if type(error).__module__.startswith(("typer", "click")):
                raise
            if os.environ.get("DYZ_DEBUG"):
                raise
            from danyuanzhang.text.i18n import t

            # The exception's text may quote personal data, so only its type is shown.
            say(t("internal_error", kind=type(error).__name__))
            ctx.exit(3)
        finally:
            if isinstance(ctx.obj, State):
                ctx.obj.close()


def _sub_app(cmd_name: str) -> typer.Typer:
    import importlib

    module_name, attribute = LAZY_COMMANDS[cmd_name]
    sub_app: typer.Typer = getattr(importlib.import_module(module_name), attribute)
    # shell completion is offered once, by `dyz` itself, not again by each command
    sub_app._add_completion = False
    return sub_app


def _is_plain_group(sub_app: typer.Typer) -> bool:
    """A group of commands with no callback of its own: each is built only when named."""
    return sub_app.registered_callback is None and len(sub_app.registered_commands) > 1


def _notebook_path(ctx: Any) -> Path:
    from danyuanzhang.store.db import default_path

    chosen = ctx.obj.db if isinstance(ctx.obj, State) else None
    return Path(chosen) if chosen is not None else default_path()


class LazySubGroup(TyperGroup):
    """A command group that builds only the subcommand asked for: building all nine of
    `dyz hazard`'s costs more start-up than the command itself. A group with a `default`
    runs it when given no subcommand (`dyz visit --resume` is `dyz visit start --resume`)."""

    def __init__(self, sub_app: Any, name: str, default: str | None = None) -> None:
        info = sub_app.info
        super().__init__(name=name, help=info.help, no_args_is_help=default is None)
        self.sub_app = sub_app
        self.default = default
        self.infos = {self._name_of(i): i for i in sub_app.registered_commands}

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if (
            self.default is not None
            and "--help" not in args
            and (not args or args[0].startswith("-"))
        ):
            args = [self.default, *args]
        return list(super().parse_args(ctx, args))

    @staticmethod
    def _name_of(info: Any) -> str:
        import typer.main

        return str(info.name or typer.main.get_command_name(info.callback.__name__))

    def list_commands(self, ctx: Any) -> list[str]:  # noqa: ARG002 click imposes signature
        return list(self.infos)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:  # noqa: ARG002 click imposes signature
        import typer.main

        info = self.infos.get(cmd_name)
        if info is None:
            return None
        return typer.main.get_command_from_info(
            info,
            pretty_exceptions_short=self.sub_app.pretty_exceptions_short,
            rich_markup_mode=self.sub_app.rich_markup_mode,
        )


def _format_help(self: Any, ctx: Any, formatter: Any) -> None:
    from danyuanzhang.cli.helptext import format_help

    format_help(self, ctx, formatter)


# typer draws help with rich, in words of its own ("Usage", "Options", "required") and cut
# short with "…"; every command and group of dyz draws it in the reader's language instead.
TyperCommand.format_help = _format_help  # type: ignore[method-assign]
TyperGroup.format_help = _format_help  # type: ignore[method-assign]
_parse_command_args = TyperCommand.parse_args


def _parse_args_asking(self: Any, ctx: Any, args: list[str]) -> list[str]:
    """A value the command needs and was not given is asked for in a terminal; without one
    the one-line error stands."""
    from danyuanzhang.cli.clicks import MissingParameter

    asked: set[str] = set()
    while True:
        try:
            return list(_parse_command_args(self, ctx, list(args)))
        except UsageError as error:
            if error.ctx is None:  # click's parser leaves it out: the help named is this one's
                error.ctx = ctx
            if not isinstance(error, MissingParameter):
                raise
            missing = error
            from danyuanzhang.cli.common import is_interactive

            name = getattr(missing.param, "name", None)
            if missing.param is None or name in asked or not is_interactive():
                raise
            from danyuanzhang.cli.asking import ask_missing

            asked.add(str(name))
            args = [*args, *ask_missing(ctx, missing.param)]


TyperCommand.parse_args = _parse_args_asking  # type: ignore[method-assign]
_typer_params_of = typer.utils.get_params_from_function


def _params_evaluated_once(func: Any) -> Any:
    """typer reads a function's annotations twice, each time evaluating their text afresh
    (our modules keep annotations as text): evaluated once, beforehand, they cost a command
    half as much of its start-up. The values are those typer would evaluate itself."""
    if any(type(value) is str for value in func.__annotations__.values()):
        import inspect

        func.__annotations__ = inspect.get_annotations(func, eval_str=True)
    return _typer_params_of(func)


typer.main.get_params_from_function = _params_evaluated_once  # type: ignore[attr-defined]


def _silence_stdout() -> None:
    """After a closed pipe, what is still buffered goes nowhere instead of failing again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _usage_exit(ctx: Any, error: Any) -> None:
    from danyuanzhang.cli.usage import explain

    say(explain(error))
    ctx.exit(2)


app = typer.Typer(
    cls=DyzGroup,
    help="单元长的工作本：住户、名册、服务牌 · dyz, the unit head's notebook",
    invoke_without_command=True,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        from danyuanzhang.system.frozen import edition

        sys.stdout.write(f"dyz {__version__} ({edition()})\n")
        raise typer.Exit()


def _lang(value: str | None) -> str | None:
    from danyuanzhang.text.i18n import LANGS, set_lang

    if value is not None:
        if value not in LANGS:
            raise typer.BadParameter("zh | en")
        set_lang(value)
    return value


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", help="数据库文件（也可设环境变量 DYZ_DB）· database file (or env DYZ_DB)"
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="界面语言 zh | en（也可设 DYZ_LANG）· language: zh | en (or env DYZ_LANG)",
            callback=_lang,
            is_eager=True,
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="这次是谁在做（两人合用一台电脑时）· who is doing this, on a shared laptop",
        ),
    ] = None,
    version: Annotated[  # noqa: ARG001 eager callback acts
        bool, typer.Option("--version", help="版本 · version", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """单元长的工作本 · dyz, the unit head's notebook."""
    from danyuanzhang.text.i18n import chosen_lang, set_lang

    if lang is None:
        set_lang(None)
    ctx.obj = State(db, by, language_chosen=lang is not None or chosen_lang() is not None)
    if ctx.invoked_subcommand is None:
        from danyuanzhang.cli.common import is_interactive, out

        if not is_interactive():
            from danyuanzhang.text.i18n import t

            out(t("short_help"))
            return
        from danyuanzhang.cli.menu import run_menu

        run_menu(ctx)


def main() -> None:
    if getattr(sys, "frozen", False):  # the one-folder build starts its big-bundle reader here
        import multiprocessing

        multiprocessing.freeze_support()
    os.umask(0o077)  # anything dyz writes (cards, rolls, bundles) holds personal data
    from danyuanzhang.text.consoles import fit_streams

    fit_streams(sys.stdout, sys.stderr)
    try:
        app(prog_name="dyz")
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    else:
        code = 0
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = code or 141
    if code not in (0, 130, 141):  # not after Ctrl-C or a closed pipe: nobody is reading
        from danyuanzhang.system.frozen import hold_the_window
        from danyuanzhang.text.i18n import t

        hold_the_window(t("press_enter_to_close"))
    # Skip the interpreter's teardown of the few hundred modules typer loads: it costs about
    # 7 ms on every command, and the database is already closed and every file written.
    os._exit(code)


__all__ = ["app", "main", "state"]
