"""What a conflict shows a person: two phones that mask alike told apart, and no conflict at all
between two spellings of one name."""

from __future__ import annotations

import re
from pathlib import Path

from danyuanzhang.text.phones import mask_phone, masks_apart
from tests.conftest import Runner
from tests.test_sync_cli import laptops, resident

__all__ = ["laptops"]  # the two laptops of tests/test_sync_cli.py, as a fixture here too


def edited_apart(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path, *edit: str
) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    """The unit head's laptop and a third one each edit the resident while apart; both
    bundles are written. `edit`: the option, then the unit head's value and the other's."""
    unit, _ = laptops
    other = ["--db", str(tmp_path / "other.db")]
    dyz(*other, "init", "--device-name", "罗淑珍的电脑")
    dyz(*unit, "export", "--plain", "--all", "-o", str(tmp_path / "start.yaml"))
    dyz(*other, "import", str(tmp_path / "start.yaml"))
    who = resident(dyz_json, unit)["id"][:8]
    option, mine, theirs = edit
    dyz(*unit, "resident", "edit", who, option, mine)
    dyz(*other, "resident", "edit", who, option, theirs)
    dyz(*unit, "export", "--plain", "--all", "-o", str(tmp_path / "unit.yaml"))
    dyz(*other, "export", "--plain", "--all", "-o", str(tmp_path / "other.yaml"))
    return unit, other


def test_two_phones_that_mask_alike_are_told_apart_after_an_import(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    _, office = laptops
    edited_apart(dyz, dyz_json, laptops, tmp_path, "--phone", "13812342000", "13856782000")
    dyz(*office, "import", str(tmp_path / "unit.yaml"))
    said = dyz(*office, "import", str(tmp_path / "other.yaml")).stderr
    assert "发现 1 处冲突" in said
    [line] = [line for line in said.splitlines() if "刘桂英" in line]
    assert "1381***2000" in line and "1385***2000" in line, line
    assert not re.search(r"1[3-9]\d{9}", said), said  # still no number in full


def test_masks_show_only_what_tells_numbers_apart() -> None:
    assert masks_apart(["13812342000", "13912342000"]) == ["138****2000", "139****2000"]
    assert masks_apart(["13812342000", "13856782000", None]) == ["1381***2000", "1385***2000", ""]
    assert masks_apart(["13812342000", "13812352000", "13812342000"]) == [
        "138***42000",
        "138***52000",
        "138***42000",
    ]
    assert masks_apart(["073185551234", "07315551234"]) == ["0731-****1234", "0731-***1234"]
    assert masks_apart(["13812345678"]) == [mask_phone("13812345678")] == ["138****5678"]


def test_two_spellings_of_one_name_are_no_conflict(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    _, office = laptops
    unit, other = edited_apart(dyz, dyz_json, laptops, tmp_path, "--name", "郑德华", "郑 德华")
    said = dyz(*unit, "import", str(tmp_path / "other.yaml")).stderr
    assert "冲突" not in said
    assert dyz_json(*unit, "conflicts") == []
    dyz(*office, "import", str(tmp_path / "unit.yaml"))
    assert "冲突" not in dyz(*office, "import", str(tmp_path / "other.yaml")).stderr
    assert dyz_json(*office, "conflicts", "list") == []
    dyz(*other, "import", str(tmp_path / "unit.yaml"))
    # every laptop shows the same one of the two spellings
    names = {resident(dyz_json, db)["name"] for db in (unit, office, other)}
    assert len(names) == 1 and names <= {"郑德华", "郑 德华"}


def test_two_different_names_are_still_a_conflict(
    dyz: Runner, dyz_json, laptops: tuple[list[str], list[str]], tmp_path: Path
) -> None:
    unit, _ = edited_apart(dyz, dyz_json, laptops, tmp_path, "--name", "郑德华", "郑德化")
    assert "发现 1 处冲突" in dyz(*unit, "import", str(tmp_path / "other.yaml")).stderr
    [item] = dyz_json(*unit, "conflicts")
    assert item["field"] == "name"
