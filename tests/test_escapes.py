"""Nothing typed or read reaches the terminal raw: an escape sequence, a control character or a
direction override in a cell, an argument or a stored value is echoed as a visible placeholder.
"""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danyuanzhang.store import Store
from danyuanzhang.text.visible import visible
from tests.conftest import Runner, one_line_error, snapshot

# (what a hostile cell holds, what the person sees of it)
PAYLOADS = {
    "clipboard": ("\x1b]52;c;cHduZWQ=\x07", "␛]52"),  # OSC 52: sets the terminal's clipboard
    "clear": ("\x1b[2J", "␛[2J"),  # clears the screen
    "bidi": ("ab\u202ecd", "ab⟨U+202E⟩cd"),  # shows what follows backwards
}
RAW = ("\x1b", "\x07", "\u202e")
HEADER = "小区,楼栋,单元,房号,姓名,电话,出生年份,标记,迁入日期,备注"
ROW = {
    "estate": "新芙蓉之都",
    "building": "2",
    "unit": "2",
    "room": "301",
    "name": "刘桂英",
    "phone": "13812345678",
    "birth_year": "1941",
    "flags": "独居老人",
    "moved_in": "2026-11-10",
    "note": "腿脚不便",
}


def shows_nothing_raw(text: str) -> None:
    for raw in RAW:
        assert raw not in text, repr(text)


def roll(path: Path, cells: dict[str, str], header: str = HEADER) -> Path:
    path.write_text(header + "\r\n" + ",".join(cells.values()) + "\r\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("column", ROW)
def test_a_hostile_roll_cell_is_shown_not_obeyed_and_nothing_is_written(
    dyz: Runner, db: Path, tmp_path: Path, column: str, payload: str
) -> None:
    dyz("init")
    before = snapshot(db)
    hostile, seen = PAYLOADS[payload]
    cells = {**ROW, column: ROW[column] + hostile}
    result = dyz("household", "import", str(roll(tmp_path / "花名册.csv", cells)), code=1)
    said = result.stdout + result.stderr
    shows_nothing_raw(said)
    assert seen in said and "什么都没有写入" in said
    assert "Traceback" not in said
    assert snapshot(db) == before


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_hostile_address_cell_is_shown_not_obeyed(
    dyz: Runner, db: Path, tmp_path: Path, payload: str
) -> None:
    dyz("init")
    before = snapshot(db)
    hostile, seen = PAYLOADS[payload]
    cells = {"address": "新芙蓉之都2栋2单元" + hostile, "name": "刘桂英"}
    result = dyz("household", "import", str(roll(tmp_path / "r.csv", cells, "住址,姓名")), code=1)
    shows_nothing_raw(result.stdout + result.stderr)
    assert seen in result.stderr and snapshot(db) == before


def test_a_hostile_column_header_is_shown_when_listed_as_unused(
    dyz: Runner, tmp_path: Path
) -> None:
    header = HEADER + ",身高\x1b[2J\u202e"
    result = dyz("household", "import", str(roll(tmp_path / "r.csv", {**ROW, "x": "1"}, header)))
    shows_nothing_raw(result.stdout + result.stderr)
    assert "身高␛[2J⟨U+202E⟩" in result.stderr


@pytest.fixture
def stored(dyz: Runner, dyz_json: Any, db: Path) -> dict[str, str]:
    """A resident and a hazard whose stored words hold what no command would take in (as an
    older dyz or a hand-edited notebook might have left them)."""
    dyz("init", "--community", "芙蓉南路社区")
    dyz("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz("resident", "add", "2-2-301", "--name", "刘桂英")
    dyz("hazard", "add", "--kind", "blocked_exit", "--where", "2-2 1楼楼道")
    home = dyz_json("household", "show", "2-2-301")
    [hazard] = dyz_json("hazard", "list")
    store = Store.open(db)
    try:
        with store.transaction():
            estate = "新芙蓉\x1b[2J之都\u202e"
            store.put("household", home["id"], {"estate": estate})
            store.put("resident", home["residents"][0]["id"], {"name": "刘\x1b[2J桂英\u202e"})
            store.put(
                "hazard",
                hazard["id"],
                {"estate": estate, "place": "楼道\x1b]52;c;cHduZWQ=\x07\r堆物"},
            )
    finally:
        store.close()
    return {"household": home["id"], "hazard": hazard["id"]}


def test_stored_controls_are_shown_in_the_lists(
    dyz: Runner, stored: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    listed = dyz("household", "list").stdout
    shows_nothing_raw(listed)
    assert "新芙蓉␛[2J之都⟨U+202E⟩" in listed
    hazards = dyz("hazard", "list").stdout
    shows_nothing_raw(hazards)
    assert "\r" not in hazards and "楼道␛]52;c;cHduZWQ=␇␍堆物" in hazards


def test_json_keeps_the_value_and_escapes_what_a_terminal_would_obey(
    dyz: Runner, stored: dict[str, str]
) -> None:
    printed = dyz("household", "show", "2-2-301", "--format", "json").stdout
    shows_nothing_raw(printed)
    assert "\\u202e" in printed
    assert json.loads(printed)["residents"][0]["name"] == "刘\x1b[2J桂英\u202e"


def test_an_error_echoes_an_argument_made_visible_on_one_line(dyz: Runner, estate: str) -> None:
    line = one_line_error(dyz("household", "show", "2-2-301\x1b[2J\n\u202e伪造的一行", code=1))
    shows_nothing_raw(line)
    assert "2-2-301␛[2J␊⟨U+202E⟩伪造的一行" in line


def test_a_control_in_free_text_is_pointed_at(dyz: Runner, estate: str) -> None:
    result = dyz("hazard", "add", "--kind", "blocked_exit", "--where", "2-2 楼道\x1b[2J", code=1)
    line = one_line_error(result)
    assert "楼道␛[2J" in line


# every character a terminal would obey, as the filter must catch it
OBEYED = [
    *map(chr, range(0x20)),
    "\x7f",
    *map(chr, range(0x80, 0xA0)),
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029",
]


@pytest.mark.parametrize("ch", OBEYED, ids=[f"U+{ord(c):04X}" for c in OBEYED])
def test_each_obeyed_character_has_a_visible_placeholder(ch: str) -> None:
    shown = visible(f"a{ch}b")
    assert shown.startswith("a") and shown.endswith("b") and len(shown) > 2
    assert shown.isprintable()


def test_lines_keep_their_breaks_and_tabs_become_spaces() -> None:
    assert visible("一\n二\t三", lines=True) == "一\n二 三"
    assert visible("一\r\n二", lines=True) == "一␍\n二"


def test_printable_text_is_returned_as_it_is() -> None:
    text = "新芙蓉之都 2-2-301 刘桂英 138****5678"
    assert visible(text) is text


@given(st.text())
def test_whatever_the_text_nothing_obeyed_is_left(text: str) -> None:
    shown = visible(text)
    assert not any(ch in shown for ch in OBEYED)
    assert all(unicodedata.category(ch) != "Cs" for ch in shown)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_results_printed_to_a_terminal_are_made_visible_and_piped_ones_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from danyuanzhang.cli.common import out

    csv = "name,place\r\n刘桂英,楼道\x1b[2J\u202e\r\n"
    screen = _Terminal()
    monkeypatch.setattr("sys.stdout", screen)
    out(csv)
    assert screen.getvalue() == "name,place\n刘桂英,楼道␛[2J⟨U+202E⟩\n"
    piped = io.StringIO()
    monkeypatch.setattr("sys.stdout", piped)
    out(csv)
    assert piped.getvalue() == csv
