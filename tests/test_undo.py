"""`dyz undo`: this laptop's last command taken back, shown first and confirmed, as changes
that travel; an erasure is never taken back."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Runner, one_line_error, snapshot

ROLL = Path(__file__).resolve().parent.parent / "examples" / "households.csv"


def residents(dyz_json, *db: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    shown = dyz_json(*db, "household", "show", "2-2-301")["residents"]
    return [(r["name"], r["phone"]) for r in shown]


def test_a_correction_goes_back_and_a_new_record_goes(dyz: Runner, dyz_json, estate: str) -> None:
    dyz("resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    [person] = dyz_json("household", "show", "2-2-301")["residents"]
    dyz("resident", "edit", person["id"][:8], "--phone", "18612343936", "--flag", "独居老人")
    said = dyz("undo", "--yes").stderr
    assert "要撤销的是" in said and "186****3936" in said and "18612343936" not in said
    assert residents(dyz_json) == [("刘桂英", "13812345678")]
    assert dyz_json("household", "show", "2-2-301")["residents"][0]["flags"] == []
    dyz("undo", "--yes")  # the one before: the resident added
    assert residents(dyz_json) == []
    dyz("undo", "--yes")  # and the household (the estate fixture added it)
    assert dyz_json("household", "list") == []


def test_a_roll_import_is_taken_back_whole(dyz: Runner, dyz_json, estate: str, db: Path) -> None:
    before = dyz_json("household", "list")
    dyz("household", "import", str(ROLL))
    assert len(dyz_json("household", "list")) > len(before)
    dyz("undo", "--yes")
    assert dyz_json("household", "list") == before


def test_without_a_terminal_it_asks_for_yes_and_changes_nothing(
    dyz: Runner, estate: str, db: Path
) -> None:
    before = snapshot(db)
    assert "--yes" in one_line_error(dyz("undo", code=1))
    assert snapshot(db) == before


def test_an_erasure_is_not_taken_back(dyz: Runner, estate: str, db: Path) -> None:
    dyz("resident", "add", "2-2-301", "--name", "刘桂英")
    dyz("household", "remove", "2-2-301", "--yes")
    before = snapshot(db)
    assert "无法撤销" in one_line_error(dyz("undo", "--yes", code=1))
    assert snapshot(db) == before


def test_nothing_to_undo_says_so(dyz: Runner) -> None:
    dyz("init")
    assert "没有可以撤销的命令" in one_line_error(dyz("undo", "--yes", code=1))


def test_an_undo_travels_and_a_later_change_elsewhere_is_kept(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    unit = ["--db", str(tmp_path / "unit.db")]
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*unit, "init", "--device-name", "周玉梅的电脑")
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz(*unit, "resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    [person] = dyz_json(*unit, "household", "show", "2-2-301")["residents"]
    dyz(*unit, "resident", "edit", person["id"][:8], "--phone", "18612343936", "--born", "1941")
    first = tmp_path / "first.yaml"
    dyz(*unit, "export", "--plain", "-o", str(first))
    dyz(*office, "import", str(first))
    # the office corrects the birth year; then the unit head takes back the edit
    dyz(*office, "resident", "edit", person["id"][:8], "--born", "1942")
    back = tmp_path / "back.yaml"
    dyz(*office, "export", "--plain", "--all", "-o", str(back))
    dyz(*unit, "import", str(back))
    said = dyz(*unit, "undo", "--yes").stderr
    assert "1 项改回原样" in said and "出生年份" in said  # the birth year changed since: kept
    again = tmp_path / "again.yaml"
    dyz(*unit, "export", "--plain", "-o", str(again))
    dyz(*office, "import", str(again))
    for db in (unit, office):
        [shown] = dyz_json(*db, "household", "show", "2-2-301")["residents"]
        assert (shown["phone"], shown["born"]) == ("13812345678", 1942)
