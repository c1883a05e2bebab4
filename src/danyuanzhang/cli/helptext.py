"""`--help` entirely in the interface language: the words click and typer print themselves
(Usage, Options, required, default) included, and of each "中文 · English" text only the
side that is read. Wrapped at the terminal's width without cutting a word, and never cut
short with "…"."""

from __future__ import annotations

import re
from typing import Any

from danyuanzhang.text.i18n import lang, pick
from danyuanzhang.text.width import display_width, terminal_width, wrap

_SIDES = re.compile(r"\s?·\s")
_EXAMPLE = re.compile(r"e\.g\. (`[^`]+`)")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_METAVARS = {"<str>": "<文字>", "<int>": "<数字>", "<float>": "<数字>", "<path>": "<文件>"}
_DATE_OPTIONS = {"--on", "--due", "--from", "--to", "--since", "--until", "--deadline"}
_GAP = 2
# the options typer adds itself, whose help it writes in English only
_OWN_OPTIONS = {
    "install_completion": "为当前的命令行装上 Tab 键补全",
    "show_completion": "显示 Tab 键补全的脚本，可复制或自行安装",
}


def side(text: str | None) -> str:
    """The half of a "中文 · English" text in the interface language. An example command
    given in the English half ("e.g. `dyz …`") is kept in the Chinese one too."""
    if not text:
        return ""
    parts = _SIDES.split(text.strip(), maxsplit=1)
    if len(parts) != 2 or not _CJK.search(parts[0]):
        return text.strip()
    zh, en = parts
    if lang() == "en":
        return en
    example = _EXAMPLE.search(en)
    return f"{zh}。例如：{example.group(1)}" if example else zh


def _in_saved_language(ctx: Any) -> None:
    """Help in the language the notebook keeps, as every command speaks (`dyz --help` is
    written before the root's options are taken: its --db and --lang are read here)."""
    from danyuanzhang.cli.common import State
    from danyuanzhang.text.i18n import chosen_lang

    root = ctx.find_root()
    if not isinstance(root.obj, State):
        chosen = root.params.get("lang") is not None or chosen_lang() is not None
        root.obj = State(root.params.get("db"), language_chosen=chosen)
    root.obj.use_saved_language()


def format_help(command: Any, ctx: Any, formatter: Any) -> None:
    """In place of typer's rich help: the same sections, in the reader's language."""
    formatter.write(help_text(command, ctx))


def help_text(command: Any, ctx: Any) -> str:
    _in_saved_language(ctx)
    width = terminal_width()
    lines = [pick("用法：", "Usage: ") + usage(command, ctx), ""]
    about = side(command.help)
    if about:
        lines += [*wrap(about, width), ""]
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option"]
    if arguments:
        rows = [(argument_name(p), _param_help(p)) for p in arguments]
        lines += [pick("参数：", "Arguments:"), *_rows(rows, width), ""]
    if options:
        rows = [(option_names(p, ctx), _param_help(p)) for p in options]
        lines += [pick("选项：", "Options:"), *_rows(rows, width), ""]
    if hasattr(command, "list_commands"):
        rows = [(name, side(text)) for name, text in _command_helps(command, ctx)]
        if rows:
            lines += [pick("命令：", "Commands:"), *_rows(rows, width), ""]
    return "\n".join(lines).rstrip() + "\n"


def _command_helps(command: Any, ctx: Any) -> list[tuple[str, str]]:
    """Each shown subcommand's name and help; dyz's own group tells them without building
    every command's options (`summary`), another group builds each command to read them."""
    helps = []
    for name in command.list_commands(ctx):
        if hasattr(command, "summary"):
            text, hidden = command.summary(name)
        else:
            sub = command.get_command(ctx, name)
            if sub is None:
                continue
            text, hidden = sub.help, sub.hidden
        if not hidden:
            helps.append((name, text))
    return helps


def usage(command: Any, ctx: Any) -> str:
    pieces = [ctx.command_path, pick("[选项]", "[OPTIONS]")]
    for param in command.get_params(ctx):
        if param.param_type_name != "argument":
            continue
        name = argument_name(param) + ("..." if param.nargs != 1 else "")
        pieces.append(name if param.required else f"[{name}]")
    if hasattr(command, "list_commands"):
        pieces.append(pick("命令 [参数]...", "COMMAND [ARGS]..."))
    return " ".join(pieces)


def argument_name(param: Any) -> str:
    """An argument by what it is: 隐患编号 rather than HAZARD."""
    if lang() == "en":
        return (param.name or "").upper()
    words = re.split(r"[（(，,：:\s]", side(getattr(param, "help", None)), maxsplit=1)[0]
    return words or (param.name or "").upper()


def param_words(param: Any) -> str:
    """What a parameter is, in a few words of the interface language: 隐患类别 for --kind."""
    words = re.split(r"[（(，,：:;；]", side(getattr(param, "help", None)), maxsplit=1)[0].strip()
    if words:
        return words
    if param.param_type_name == "argument":
        return argument_name(param)
    return str(max(param.opts, key=len))


def option_names(param: Any, ctx: Any) -> str:
    names = ", ".join(sorted(param.opts, key=len))
    if param.secondary_opts:
        names += " / " + ", ".join(param.secondary_opts)
    if param.is_flag or param.count:
        return names
    metavar = str(param.make_metavar(ctx))
    # `--to` is a date but where it names whom a matter goes to (its parameter is then `to`)
    if metavar == "<str>" and _DATE_OPTIONS.intersection(param.opts) and param.name != "to":
        metavar = pick("<日期>", "<date>")
    elif lang() == "zh":
        metavar = _METAVARS.get(metavar, metavar)
    return f"{names} {metavar}"


def _param_help(param: Any) -> str:
    text = side(getattr(param, "help", None))
    text = _OWN_OPTIONS.get(param.name or "", text) if lang() == "zh" else text
    if param.name == "help":
        text = pick("显示本帮助", "Show this message and exit.")
    notes = []
    if param.required:
        notes.append(pick("必填", "required"))
    default = _shown_default(param)
    if default is not None:
        notes.append(pick(f"默认 {default}", f"default: {default}"))
    if notes:
        text = f"{text} [{pick('，', ', ').join(notes)}]" if text else f"[{', '.join(notes)}]"
    return text


def _shown_default(param: Any) -> str | None:
    default = param.default
    if param.param_type_name != "option" or param.is_flag or param.count:
        return None
    if default is None or default == () or callable(default):
        return None
    value = getattr(default, "value", default)
    return None if value == "" else str(value)


def _rows(rows: list[tuple[str, str]], width: int) -> list[str]:
    """Two columns, the second wrapped under itself; a name too long for the first column
    puts its text on the next line."""
    name_width = min(max(display_width(name) for name, _ in rows), 28)
    indent = 2 + name_width + _GAP
    text_width = max(20, width - indent)
    lines = []
    for name, text in rows:
        pieces = wrap(text, text_width) if text else [""]
        if display_width(name) > name_width:
            lines.append(f"  {name}")
            lines += [" " * indent + piece for piece in pieces]
            continue
        gap = " " * (name_width - display_width(name) + _GAP)
        lines.append(f"  {name}{gap}{pieces[0]}".rstrip())
        lines += [" " * indent + piece for piece in pieces[1:]]
    return lines
