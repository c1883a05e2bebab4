"""Every example that a `--help` gives runs: against the demo community it does its work or
refuses cleanly in one line, never with a usage error. Ledgers are named as people name them."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from tests.conftest import Runner
from tests.test_conventions import all_commands

EXAMPLE = re.compile(r"`(dyz [^`]+)`")


def help_examples() -> list[str]:
    """The examples of every command's and group's help, in both languages, read at a width
    where none is wrapped."""
    from typer.testing import CliRunner

    from danyuanzhang.cli import app

    paths = {tuple(path[:n]) for path in all_commands() for n in range(len(path) + 1)}
    found: set[str] = set()
    for path in sorted(paths):
        for lang in ("zh", "en"):
            shown = CliRunner().invoke(
                app,
                ["--lang", lang, *path, "--help"],
                env={"COLUMNS": "1000"},
                prog_name="dyz",
            )
            found |= set(EXAMPLE.findall(shown.stdout))
    return sorted(found)


EXAMPLES = help_examples()


@pytest.fixture(scope="module")
def demo_notebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from danyuanzhang.upkeep.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store, _ = build_demo(path)
    store.close()
    return path


def test_the_help_gives_examples_to_run() -> None:
    assert len(EXAMPLES) >= 40
    assert any(example.startswith("dyz ledger ") for example in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_in_the_help_runs(
    dyz: Runner,
    demo_notebook: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    example: str,
) -> None:
    shutil.copy(demo_notebook, tmp_path / "notebook.db")
    monkeypatch.setenv("DYZ_DB", str(tmp_path / "notebook.db"))
    result = dyz(*shlex.split(example)[1:], code=None)
    assert result.exit_code in (0, 1), (example, result.exit_code, result.stderr)
    if result.exit_code == 1:  # a deliberate refusal: one line, in words, no traceback
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr, (example, result.stderr)


@pytest.mark.parametrize("name", ["走访台账", "入户走访台账", "防火巡查记录", "visits", "走访台帐"])
def test_a_ledger_is_found_by_the_names_people_give_it(dyz: Runner, estate: str, name: str) -> None:
    dyz("ledger", name, "--format", "json")


def test_an_unknown_ledger_suggests_ledgers_by_their_chinese_names(
    dyz: Runner, estate: str
) -> None:
    line = dyz("ledger", "巡查台帐X", code=1).stderr.strip()
    assert "是不是想写“防火巡查记录”" in line and "入户走访台账" in line, line
    assert not re.search(r"\b(visits|hazards|patrols)\b", line), line
    english = dyz("--lang", "en", "ledger", "visitz", code=1).stderr
    assert "Did you mean “visits”" in english
