"""The `dyz` command: parse, call the domain, render. No SQL and no rules live here."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from danyuanzhang import __version__
from danyuanzhang.cli.common import State, say, state
from danyuanzhang.errors import DyzError


class DyzGroup(TyperGroup):
    """Turns user errors into one translated line and unexpected ones into no traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except DyzError as error:
            say(error.message())
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            from danyuanzhang.i18n import t

            say(t("cancelled"))
            ctx.exit(130)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as error:
            if type(error).__module__.startswith(("typer", "click")):
                raise
            if os.environ.get("DYZ_DEBUG"):
                raise
            from danyuanzhang.i18n import t

            # The exception's text may quote personal data, so only its type is shown.
            say(t("internal_error", kind=type(error).__name__))
            ctx.exit(3)
        finally:
            if isinstance(ctx.obj, State):
                ctx.obj.close()


app = typer.Typer(
    cls=DyzGroup,
    help="单元长的工作本：住户、名册、服务牌 · dyz, the unit head's notebook",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"dyz {__version__}\n")
        raise typer.Exit()


def _lang(value: str | None) -> str | None:
    from danyuanzhang.i18n import LANGS, set_lang

    if value is not None:
        if value not in LANGS:
            raise typer.BadParameter("zh | en")
        set_lang(value)
    return value


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        Path | None, typer.Option("--db", help="数据库文件 · database file (env DYZ_DB)")
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="界面语言 zh | en · language (env DYZ_LANG)", callback=_lang),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", help="版本 · version", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """单元长的工作本 · dyz, the unit head's notebook."""
    if lang is None:
        from danyuanzhang.i18n import set_lang

        set_lang(None)
    ctx.obj = State(db)


def _register() -> None:
    from danyuanzhang.cli.households import household_app, resident_app
    from danyuanzhang.cli.roster import card_command, flag_app, roster_app
    from danyuanzhang.cli.setup import demo_command, init_command

    app.command("init")(init_command)
    app.add_typer(household_app, name="household")
    app.add_typer(resident_app, name="resident")
    app.add_typer(roster_app, name="roster")
    app.add_typer(flag_app, name="flag")
    app.command("card")(card_command)
    app.command("demo")(demo_command)


_register()


def main() -> None:
    os.umask(0o077)  # anything dyz writes (cards, rolls, bundles) holds personal data
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    app(prog_name="dyz")


__all__ = ["app", "main", "state"]
