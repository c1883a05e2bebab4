"""What every command shares: the catalogue, help, start-up cost, version, no tracebacks."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from danyuanzhang import __version__
from danyuanzhang.cli import app
from danyuanzhang.text.catalogue import all_messages
from tests.conftest import Runner

MESSAGES = all_messages()

SRC = Path(__file__).parents[1] / "src" / "danyuanzhang"
ROOT = Path(__file__).parents[1]


def used_keys() -> set[str]:
    keys: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("t", "DyzError", "BundleError", "resolve_prefix") and isinstance(
                    node.args[0].value, str
                ):
                    keys.add(node.args[0].value)
                if name == "resolve_prefix":  # (table, prefix, message key)
                    keys.add(node.args[2].value)  # type: ignore[attr-defined]
                    keys.discard(node.args[0].value)
    return keys


def test_every_message_used_is_in_the_catalogue() -> None:
    missing = {k for k in used_keys() if k not in MESSAGES and not k.startswith("duties_")}
    assert not missing


def test_no_message_is_written_twice() -> None:
    """A key given twice in the catalogue silently loses its first sentence."""
    for path in (SRC / "text" / "catalogue").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                assert len(keys) == len(set(keys)), {k for k in keys if keys.count(k) > 1}


def test_every_message_is_in_the_part_its_key_names() -> None:
    """A key is looked for only in the part its first word names (or the catalogue's own
    messages, every command's): anywhere else it would never be found."""
    from danyuanzhang.text.catalogue import MESSAGES as CORE
    from danyuanzhang.text.catalogue import PARTS, part_messages, part_of

    assert [key for key in CORE if part_of(key) is not None] == []
    for part in set(PARTS.values()):
        assert [key for key in part_messages(part) if part_of(key) != part] == [], part


def test_every_message_has_both_languages_with_the_same_fields() -> None:
    for key, (zh, en) in MESSAGES.items():
        assert zh.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)}", zh)) == set(re.findall(r"{(\w+)}", en)), key
        assert (
            not re.search(r"[\u4e00-\u9fff]", en) or key in {"demo_next"} or "新芙蓉之都" in en
        ), key


def test_version_names_the_build(dyz: Runner) -> None:
    python = "{}.{}.{}".format(*sys.version_info[:3])
    assert dyz("--version").stdout.strip() == f"dyz {__version__} (source, Python {python})"


def all_commands() -> list[list[str]]:
    import typer.main

    root = typer.main.get_command(app)
    paths: list[list[str]] = []

    def walk(command, path: list[str]) -> None:  # type: ignore[no-untyped-def]
        if hasattr(command, "list_commands"):
            for name in command.list_commands(None):
                walk(command.get_command(None, name), [*path, name])
        else:
            paths.append(path)

    walk(root, [])
    assert len(paths) >= 20
    return paths


@pytest.mark.parametrize("path", all_commands(), ids=lambda p: " ".join(p))
def test_every_command_has_bilingual_help(dyz: Runner, path: list[str]) -> None:
    import typer.main

    command = typer.main.get_command(app)
    for name in path:
        command = command.get_command(None, name)  # type: ignore[attr-defined]
    summary = (command.help or "").splitlines()[0]
    assert re.search(r"[\u4e00-\u9fff]", summary) and re.search(r"[A-Za-z]{3}", summary), path
    assert dyz(*path, "--help").stdout.startswith("用法：dyz ")


def test_every_format_choice_is_values_of_the_one_format_type() -> None:
    """A command's --format that is a choice takes a few of the values of text.formats.Format,
    and its help names each of them."""
    import typer.main

    from danyuanzhang.text.formats import Format

    formats = {f.value for f in Format}
    taken = 0
    for path in all_commands():
        command = typer.main.get_command(app)
        for name in path:
            command = command.get_command(None, name)  # type: ignore[attr-defined]
        for param in command.params:
            if "--format" in param.opts and hasattr(param.type, "choices"):
                choices = {getattr(c, "value", c) for c in param.type.choices}
                assert choices <= formats, path
                assert all(choice in (param.help or "") for choice in choices), path
                taken += 1
    assert taken >= 20


def test_unexpected_errors_show_no_traceback_and_no_data(
    dyz: Runner, estate: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("刘桂英 13812345678")

    monkeypatch.setattr("danyuanzhang.households.registry.list_households", explode)
    result = dyz("household", "list", code=3)
    assert "RuntimeError" in result.stderr and "内部错误" in result.stderr
    assert "13812345678" not in result.output and "Traceback" not in result.output


def run_cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "danyuanzhang", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def test_start_up_leaves_heavy_libraries_unloaded(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from danyuanzhang.cli import app\n"
        "try:\n"
        "    app(['household', 'list', '--unit', '2-2'], prog_name='dyz')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = {'rich', 'yaml', 'questionary', 'sqlite_utils', 'prompt_toolkit', 'platformdirs'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    env = {**os.environ, "DYZ_DB": str(tmp_path / "d.db"), "DYZ_LANG": "zh"}
    run_cli(["household", "add", "2-2-301", "--estate", "新芙蓉之都"], env)
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.stdout.splitlines()[-1] == "[]", result.stdout + result.stderr
    assert "2-2-301" in result.stdout


def test_the_module_entry_point_and_no_terminal(tmp_path: Path) -> None:
    env = {"DYZ_DB": str(tmp_path / "d.db"), "DYZ_LANG": "en", "CI": "true"}
    result = run_cli(["household", "add", "2-2-301", "--estate", "E"], env)
    assert result.returncode == 0 and "Registered 2-2-301" in result.stderr
    # an erasure with no terminal must not wait for an answer
    result = run_cli(["household", "remove", "2-2-301"], env)
    assert result.returncode == 1 and "--yes" in result.stderr


def test_ci_runs_the_readmes_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```(?:bash|sh)\n(.*?)```", readme, flags=re.S)
    test_command = next(c.strip() for c in commands if "pytest" in c)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n  ", "")
    assert test_command in ci
    assert any("dyz demo" in c for c in commands[:2])


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ("resident", "add", "2-2-301"),
            "少了姓名，请加上 -n, --name",
            "Missing name: add -n, --name",
        ),
        (("houshold", "list"), "没有 houshold 这个命令", "There is no command houshold"),
        (
            ("household", "list", "--format", "xml"),
            "只能是：table、json、csv",
            "must be one of: table, json, csv",
        ),
        (("household", "list", "--colour"), "没有 --colour 这个选项", "has no option --colour"),
        (("household", "add", "2-2-301", "3楼"), "多写了 3楼", "Unexpected 3楼"),
    ],
)
def test_typing_mistakes_are_explained_in_the_interface_language(
    dyz: Runner, args: tuple[str, ...], zh: str, en: str
) -> None:
    for lang, words in (("zh", zh), ("en", en)):
        result = dyz("--lang", lang, *args, code=2)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0] and "--help" in lines[0], result.stderr


def test_a_wrong_language_is_explained(dyz: Runner) -> None:
    assert "--lang" in dyz("--lang", "fr", "household", "list", code=2).stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ("zh_CN.UTF-8", "zh"),
        ("zh_TW.Big5", "zh"),
        ("en_US.UTF-8", "en"),
        ("de_DE.UTF-8", "en"),
        # a locale that names no language: Chinese, the language of dyz's users (issue 38)
        ("C", "zh"),
        ("C.UTF-8", "zh"),
        ("POSIX", "zh"),
    ],
)
def test_the_language_follows_the_locale(
    monkeypatch: pytest.MonkeyPatch, env: str, expected: str
) -> None:
    from danyuanzhang.text.i18n import detect_lang

    monkeypatch.delenv("DYZ_LANG")
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", env)
    assert detect_lang() == expected
    monkeypatch.setenv("DYZ_LANG", "zh")
    assert detect_lang() == "zh"
    for spelt in ("zh_CN", "zh-Hans", " ZH "):
        monkeypatch.setenv("DYZ_LANG", spelt)
        assert detect_lang() == "zh", spelt
    monkeypatch.setenv("DYZ_LANG", "en_GB")
    assert detect_lang() == "en"
    monkeypatch.setenv("DYZ_LANG", "fr")  # not one of ours: the locale decides
    assert detect_lang() == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Chinese (Simplified)_China", "zh"),
        ("zh_CN", "zh"),
        ("English_United States", "en"),
        ("", "zh"),
    ],
)
def test_on_windows_the_language_follows_the_system_locale(
    monkeypatch: pytest.MonkeyPatch, name: str, expected: str
) -> None:
    """Windows sets no LANG: the locale Python reads from the system decides."""
    import locale

    from danyuanzhang.text.i18n import detect_lang

    for var in ("DYZ_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(locale, "getlocale", lambda *_: (name or None, "936"))
    assert detect_lang() == expected


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "DYZ_DB": str(tmp_path / "d.db"), "DYZ_LANG": "zh"}
    run_cli(["household", "add", "2-2-301", "--estate", "新芙蓉之都"], env)
    reader_gone = subprocess.Popen(
        [sys.executable, "-m", "danyuanzhang", "household", "list", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    assert reader_gone.stdout is not None and reader_gone.stderr is not None
    reader_gone.stdout.close()  # as `| head -2` does once it has its lines
    errors = reader_gone.stderr.read().decode()
    assert reader_gone.wait(timeout=60) == 141
    assert errors == ""
