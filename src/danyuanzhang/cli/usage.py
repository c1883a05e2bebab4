"""Mistakes in how a command is typed (a missing option, a misspelt command), explained in the
interface language instead of click's English."""

from __future__ import annotations

from typing import Any

from danyuanzhang.i18n import join, t


def explain(error: Any) -> str:
    """One line for a click usage error: what is wrong, and where the help is."""
    from typer._click.exceptions import BadParameter, MissingParameter, NoSuchOption

    ctx = error.ctx
    command = ctx.command_path if ctx is not None else "dyz"
    if isinstance(error, MissingParameter) and error.param is not None:
        return t("usage_missing", what=_hint(error), command=command)
    if isinstance(error, NoSuchOption):
        return t("usage_no_option", option=error.option_name, command=command)
    if isinstance(error, BadParameter) and error.param is not None:
        choices = getattr(error.param.type, "choices", None)
        if choices:
            allowed = join([getattr(c, "value", str(c)) for c in choices])
            return t("usage_choice", what=_hint(error), allowed=allowed, command=command)
        return t("usage_bad_value", what=_hint(error), detail=error.message, command=command)
    message = error.format_message()
    if message.startswith("Got unexpected extra argument"):
        extra = message.rpartition("(")[2].rstrip(")")
        return t("usage_extra", extra=extra, command=command)
    if message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else message
        return t("usage_no_command", name=name, command=command)
    return t("usage_other", detail=message, command=command)


def _hint(error: Any) -> str:
    return str(error.param.get_error_hint(error.ctx)).replace("'", "")
