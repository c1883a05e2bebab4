"""`dyz handover`: a unit head who steps down deletes the notebook here, only once the office
is known to hold every change; nothing is erased through the log, so the office keeps it all."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Runner, one_line_error, snapshot
from tests.test_members import Community


def test_the_notebook_goes_only_once_the_office_holds_it(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    community = Community(dyz, tmp_path)
    unit = community.join("周玉梅的电脑", "2-2-301")
    notebook = Path(unit[1])
    dyz(*unit, "resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    before = snapshot(notebook)
    line = one_line_error(dyz(*unit, "handover", "--yes", code=1))
    assert "还没有确认收到" in line and "dyz export --for 社区办公室" in line
    assert snapshot(notebook) == before
    # the office receives everything and says so in a bundle back
    sent = community.export(unit, "handover", "--for", "社区办公室")
    dyz(*community.office, "import", str(sent))
    back = community.export(community.office, "back", "--for", "周玉梅的电脑")
    dyz(*unit, "import", str(back))
    assert "--yes" in one_line_error(dyz(*unit, "handover", code=1))
    said = dyz(*unit, "handover", "--yes").stderr
    assert "已交接" in said
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(notebook.name)]
    # the office keeps every record: nothing was erased through the log
    shown = dyz_json(*community.office, "household", "show", "2-2-301")
    assert [r["name"] for r in shown["residents"]] == ["刘桂英"]


def test_a_laptop_of_no_office_and_the_office_itself_cannot_hand_over(
    dyz: Runner, estate: str, tmp_path: Path
) -> None:
    assert "没有加入社区办公室" in one_line_error(dyz("handover", "--yes", code=1))
    community = Community(dyz, tmp_path / "c")
    assert "办公室的电脑" in one_line_error(dyz(*community.office, "handover", "--yes", code=1))
