"""Mistakes in how a command is typed (a missing option, a misspelt command), explained in the
interface language instead of click's English: what is missing is named as the help names it
(隐患编号, not HAZARD), and how to give it is said."""

from __future__ import annotations

import re
from typing import Any

from danyuanzhang.text.i18n import join, lang, t

_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def explain(error: Any) -> str:
    """One line for a click usage error: what is wrong, and where the help is."""
    from typer import BadParameter

    from danyuanzhang.cli.clicks import BadOptionUsage, MissingParameter, NoSuchOption

    ctx = error.ctx
    command = ctx.command_path if ctx is not None else "dyz"
    if isinstance(error, MissingParameter) and error.param is not None:
        return _missing(error.param, ctx, command)
    if isinstance(error, NoSuchOption):
        if error.possibilities:
            guess = join(sorted(error.possibilities))
            return t(
                "usage_no_option_guess", option=error.option_name, guess=guess, command=command
            )
        return t("usage_no_option", option=error.option_name, command=command)
    if isinstance(error, BadOptionUsage):
        return _bad_option_usage(error, ctx, command)
    if isinstance(error, BadParameter) and error.param is not None:
        what = _name(error.param)
        choices = getattr(error.param.type, "choices", None)
        if choices:
            allowed = join([getattr(c, "value", str(c)) for c in choices])
            return t("usage_choice", what=what, allowed=allowed, command=command)
        if lang() == "zh" and not _CJK.search(error.message):
            return t("usage_wrong_value", what=what, command=command)
        detail = error.message.rstrip("。.")
        return t("usage_bad_value", what=what, detail=detail, command=command)
    message = error.format_message()
    if message.startswith("Got unexpected extra argument"):
        extra = message.rpartition("(")[2].rstrip(")")
        return t("usage_extra", extra=extra, command=command)
    if message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else message
        return _no_command(name, ctx, command)
    if lang() == "zh" and not _CJK.search(message):
        return t("usage_wrong", command=command)
    return t("usage_other", detail=message, command=command)


def _missing(param: Any, ctx: Any, command: str) -> str:
    from danyuanzhang.cli.helptext import option_names, param_words, usage

    what = param_words(param)
    if param.param_type_name == "argument":
        return t(
            "usage_missing_argument", what=what, usage=usage(ctx.command, ctx), command=command
        )
    return t("usage_missing_option", what=what, option=option_names(param, ctx), command=command)


def _bad_option_usage(error: Any, ctx: Any, command: str) -> str:
    from danyuanzhang.cli.helptext import param_words

    option = error.option_name
    param = next(
        (p for p in (ctx.command.params if ctx is not None else []) if option in p.opts), None
    )
    if "does not take a value" in error.message:
        return t("usage_takes_no_value", option=option, command=command)
    if param is not None:
        return t("usage_needs_value", option=option, what=param_words(param), command=command)
    return t("usage_wrong", command=command)


def _no_command(name: str, ctx: Any, command: str) -> str:
    import difflib

    known = ctx.command.list_commands(ctx) if ctx is not None else []
    guesses = difflib.get_close_matches(name, known, n=2)
    if guesses:
        return t("usage_no_command_guess", name=name, guess=join(guesses), command=command)
    return t("usage_no_command", name=name, command=command)


def _name(param: Any) -> str:
    """A parameter as the user typed it: its option (--days), or what an argument is (天数)."""
    from danyuanzhang.cli.helptext import argument_name

    if param.param_type_name == "argument":
        return argument_name(param)
    return " / ".join(param.opts)
