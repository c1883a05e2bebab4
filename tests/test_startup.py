"""Start-up, held by what a command imports rather than by a stopwatch: the everyday commands
import neither rich nor the report, the bundle's YAML nor the signatures' NaCl; `--help` builds
no command's options to list them; the report draws its tables without rich. What each command
costs in time is measured by benchmarks/startup.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danyuanzhang.cli import LAZY_COMMANDS, app
from danyuanzhang.paperwork.render_report import plain_character, plain_table, rich_table
from danyuanzhang.text.width import display_width
from tests.conftest import Runner

# runs `dyz ARGS...` as the `dyz` script does, then writes the modules it imported to a file
# (read where the command ends: main() leaves by os._exit)
LISTING = """
import os, sys
listed, sys.argv = sys.argv[1], ["dyz", *sys.argv[2:]]
leave = os._exit
def listing(code):
    with open(listed, "w", encoding="utf-8") as out:
        out.write("\\n".join(sorted(sys.modules)))
    leave(code)
os._exit = listing
from danyuanzhang.cli import main
main()
"""

# what none of the commands below needs: rich draws the demo's panels and the import's progress;
# YAML and NaCl are bundles and signatures; the report, the sheets and Markdown are paperwork
HEAVY = (
    "rich",
    "yaml",
    "nacl",
    "openpyxl",
    "python_calamine",
    "PIL",
    "danyuanzhang.text.markdown",
    "danyuanzhang.text.sheets",
    "danyuanzhang.sync.bundle",
    "danyuanzhang.sync.exporting",
    "danyuanzhang.sync.importing",
)
REPORT = ("danyuanzhang.paperwork.report", "danyuanzhang.paperwork.render_report")
# what the commands that only read need not build: the record types and the change are for
# writing, merging for writing and importing, recording a visit for the door, an import's
# erasure allowance and the pages' TypedDicts for the type checker and the importer
WRITING = (
    "dataclasses",
    "danyuanzhang.core.records",
    "danyuanzhang.core.changes",
    "danyuanzhang.visits.doorstep",
    "danyuanzhang.core.merge",
    "danyuanzhang.store.derive",
    "danyuanzhang.sync.allowance",
    "danyuanzhang.paperwork.today_shape",
    "danyuanzhang.paperwork.report_shape",
    "danyuanzhang.cases.council_shape",
)
READING = ("today", "visit due", "household list")
# the messages every command may say; those of one kind of work are parts of it, read on demand
CATALOGUE = "danyuanzhang.text.catalogue"

# the parts of the catalogue each says its messages from
OWN_MESSAGES = {
    "today": {"today"},
    "visit due": {"columns"},
    "household list": {"columns"},
    "hazard add": {"hazards"},
    "petition add": {"petitions"},
}
EVERYDAY = {
    "today": ["today", "--unit", "2-2"],
    "visit due": ["visit", "due", "--unit", "2-2"],
    "household list": ["household", "list", "--unit", "2-2"],
    "hazard add": ["hazard", "add", "--kind", "飞线充电", "--where", "2-2 3楼窗外", "--days", "3"],
    "petition add": ["petition", "add", "2-2-301", "--category", "停车", "--text", "楼下乱停车"],
}


def imported(db: Path, *args: str) -> set[str]:
    listed = db.parent / "modules.txt"
    env = {**os.environ, "DYZ_DB": str(db)}
    done = subprocess.run(
        [sys.executable, "-c", LISTING, str(listed), *args],
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    return set(listed.read_text(encoding="utf-8").split("\n"))


def heavy(modules: set[str], *prefixes: str) -> list[str]:
    return sorted(m for m in modules if m.startswith(prefixes) and not m.endswith("_compat"))


@pytest.mark.parametrize("command", EVERYDAY, ids=list(EVERYDAY))
def test_an_everyday_command_imports_nothing_heavy(db: Path, stairwell: str, command: str) -> None:
    assert stairwell
    modules = imported(db, *EVERYDAY[command])
    assert heavy(modules, *HEAVY, *REPORT) == []
    if command in READING:
        assert heavy(modules, *WRITING) == []
    # nor any other command group's module
    group = LAZY_COMMANDS[command.split()[0]][0]
    cli = {"danyuanzhang.cli", "danyuanzhang.cli.clicks", "danyuanzhang.cli.common", group}
    assert {m for m in modules if m.startswith("danyuanzhang.cli")} <= cli
    # nor the messages of other work than its own
    assert catalogue_parts(modules) == OWN_MESSAGES[command]
    # nor Unicode's tables, for what is typed and shown in ASCII and common Chinese
    assert "unicodedata" not in modules
    if command == "today":  # what is due, without the lists' renderers nor recording a patrol
        assert heavy(modules, "danyuanzhang.text.render", "danyuanzhang.cases.patrols") == []


def catalogue_parts(modules: set[str]) -> set[str]:
    """The parts of the catalogue a command read besides the messages every command has."""
    return {m.rpartition(".")[2] for m in modules if m.startswith(f"{CATALOGUE}.")}


def test_the_units_report_imports_no_rich(db: Path, stairwell: str, dyz: Runner) -> None:
    assert stairwell
    dyz("visit", "add", "2-2-301", "--need", "维修:楼道灯坏了")
    modules = imported(db, "report", "--unit", "2-2")
    assert heavy(modules, *HEAVY, *WRITING) == []
    assert "danyuanzhang.paperwork.render_report" in modules
    assert catalogue_parts(modules) == {"report"}


def test_help_lists_the_commands_without_building_them(db: Path) -> None:
    modules = imported(db, "--help")
    assert heavy(modules, *HEAVY, *REPORT) == []
    assert catalogue_parts(modules) == set()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_help_list_says_what_each_built_command_says(lang: str) -> None:
    import typer.main

    from danyuanzhang.text.i18n import set_lang

    set_lang(lang)
    root = typer.main.get_command(app)
    for name in LAZY_COMMANDS:
        built = root.get_command(None, name)  # type: ignore[attr-defined]
        assert root.summary(name) == (built.help, built.hidden), name  # type: ignore[attr-defined]


PLAIN_CHARACTERS = [chr(c) for c in range(0x10000) if plain_character(chr(c))]
ANY_CELL = st.one_of(
    st.text(st.sampled_from(PLAIN_CHARACTERS), max_size=14),
    st.text(max_size=6),
    st.integers(-999, 99_999).map(str),
)


def test_plain_characters_are_as_wide_to_dyz_as_to_rich() -> None:
    from rich.cells import cell_len

    for ch in PLAIN_CHARACTERS:
        assert display_width(ch) == cell_len(ch), hex(ord(ch))


@settings(max_examples=300, deadline=None)
@given(
    columns=st.integers(1, 4),
    cells=st.lists(st.lists(ANY_CELL, min_size=4, max_size=4), min_size=2, max_size=6),
    width=st.integers(20, 120),
)
def test_a_plain_table_is_what_rich_draws(columns: int, cells: list[list[str]], width: int) -> None:
    rows = [row[:columns] for row in cells]
    lines = plain_table(rows, width)
    if lines is not None:
        assert lines == rich_table(rows, width)


def test_a_figures_table_is_drawn_plainly() -> None:
    rows = [["项目", "本周", "上周", "增减"], ["见到的户数（共 12 户）", "3", "0", "+3"]]
    assert plain_table(rows, 80) == rich_table(rows, 80)
    assert plain_table(rows, 30) is None  # too wide: rich wraps it


def test_what_is_told_without_unicodes_tables_is_what_they_say() -> None:
    """The widths and normal forms dyz knows without loading unicodedata (text/width.py,
    text/normal.py) are Unicode's own, for every character they cover."""
    import re
    import unicodedata

    from danyuanzhang.text import normal, width

    for ranges, extra in ((width._WIDE, 1), (width._NARROW, 0)):
        for low, high in ranges:
            for code in range(low, high + 1):
                assert (unicodedata.east_asian_width(chr(code)) in "WF") == bool(extra), hex(code)
    forbidden = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
    for code in range(0x10000):
        ch = chr(code)
        if re.fullmatch(normal._NFC_UNCHANGED, ch):
            assert unicodedata.normalize("NFC", ch) == ch, hex(code)
            assert unicodedata.combining(ch) == 0 and unicodedata.category(ch) not in forbidden
        if re.fullmatch(normal._NFKC_UNCHANGED, ch):
            assert unicodedata.normalize("NFKC", ch) == ch, hex(code)
