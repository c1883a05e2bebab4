"""`dyz config`: this laptop's settings."""

from __future__ import annotations

from typing import Annotated

import typer

from danyuanzhang.cli.common import Format, FormatOption, SheetOption, emit_list, out, say, store_of
from danyuanzhang.text.i18n import t

config_app = typer.Typer(help="本机设置 · this laptop's settings", no_args_is_help=True)


@config_app.command("list")
def config_list(
    ctx: typer.Context, fmt: FormatOption = Format.table, output: SheetOption = None
) -> None:
    """列出本机设置 · List this laptop's settings and their defaults."""
    from danyuanzhang.core import config
    from danyuanzhang.text.render import SETTING_COLUMNS

    emit_list(config.listing(store_of(ctx)), fmt, SETTING_COLUMNS, output)


@config_app.command("get")
def config_get(
    ctx: typer.Context, key: Annotated[str, typer.Argument(help="设置名 · key")]
) -> None:
    """查看一项设置 · Print one setting, e.g. `dyz config get visit.cadence.elderly_alone`."""
    from danyuanzhang.core import config

    value = config.value(store_of(ctx), key)
    out("" if value is None else str(value))


@config_app.command("set")
def config_set(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="设置名 · key")],
    value: Annotated[str, typer.Argument(help="新的值 · value")],
) -> None:
    """修改一项设置 · Change a setting, e.g. `dyz config set visit.cadence.elderly_alone 5`."""
    from danyuanzhang.core import config

    say(t("config_set", key=key, value=config.set_value(store_of(ctx), key, value)))


@config_app.command("unset")
def config_unset(
    ctx: typer.Context, key: Annotated[str, typer.Argument(help="设置名 · key")]
) -> None:
    """恢复默认值 · Put a setting back to its default."""
    from danyuanzhang.core import config

    default = config.unset(store_of(ctx), key)
    say(t("config_unset", key=key, value="—" if default is None else default))
