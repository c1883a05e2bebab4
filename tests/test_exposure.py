"""Files with personal data written where others may read them are named in one line; on
Windows, dyz doctor says when the notebook's folder lets others in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from danyuanzhang.system.exposure import where_exposed
from danyuanzhang.system.owner_only import broad_grants, sddl_of
from danyuanzhang.upkeep import health
from danyuanzhang.upkeep.views import finding_line
from tests.conftest import Runner

MOUNTS = [("/", "ext4"), ("/home", "ext4"), ("/mnt/stick", "vfat"), ("/mnt/stick/deep", "ext4")]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    (folder / "Desktop").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("USERPROFILE", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


def test_a_usb_stick_is_told_by_its_file_system_or_where_it_is_mounted() -> None:
    assert where_exposed(Path("/mnt/stick/台账.xlsx"), MOUNTS) == "removable"
    assert where_exposed(Path("/mnt/stick/deep/台账.xlsx"), MOUNTS) is None  # another disk
    assert where_exposed(Path("/home/wang/台账.xlsx"), MOUNTS) is None
    assert where_exposed(Path("/media/wang/U盘/台账.xlsx"), MOUNTS) == "removable"
    assert where_exposed(Path("/run/media/wang/KINGSTON/a.yaml"), MOUNTS) == "removable"


def test_the_desktop_is_told_in_english_in_chinese_and_as_the_desktop_names_it(
    home: Path,
) -> None:
    assert where_exposed(home / "Desktop" / "a.xlsx", []) == "desktop"
    assert where_exposed(home / "桌面" / "a.xlsx", []) == "desktop"
    assert where_exposed(home / "文档" / "a.xlsx", []) is None
    (home / ".config").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text(
        '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/我的桌面"\n', encoding="utf-8"
    )
    assert where_exposed(home / "我的桌面" / "a.xlsx", []) == "desktop"


def test_a_ledger_on_the_desktop_is_named_and_one_kept_elsewhere_is_not(
    dyz: Runner, stairwell: str, home: Path, tmp_path: Path
) -> None:
    dyz("visit", "add", "2-2-301", "--note", "一切都好")
    on_desktop = home / "Desktop" / "走访台账.xlsx"
    written = dyz("ledger", "visits", "-o", str(on_desktop))
    assert on_desktop.exists()
    [reminder] = [line for line in written.stderr.splitlines() if line.startswith("提醒")]
    assert str(on_desktop) in reminder and "桌面" in reminder
    kept = dyz("ledger", "visits", "-o", str(tmp_path / "走访台账.xlsx"))
    assert "提醒" not in kept.stderr


def test_a_plain_bundle_on_the_desktop_is_named_and_a_card_for_the_wall_is_not(
    dyz: Runner, stairwell: str, home: Path
) -> None:
    bundle = dyz("export", "--plain", "-o", str(home / "Desktop" / "a.yaml"))
    assert "提醒" in bundle.stderr and "a.yaml" in bundle.stderr
    listing = dyz("household", "list", "-o", str(home / "Desktop" / "roll.xlsx"))
    assert "提醒" in listing.stderr
    dyz("roster", "add", "--role", "单元长", "--name", "王建国", "--phone", "13912345678",
        "--scope", "2-2")  # fmt: skip
    card = dyz("card", "--unit", "2-2", "-f", "html", "-o", str(home / "Desktop" / "card.html"))
    assert "提醒" not in card.stderr


# -- Windows: the notebook's folder --------------------------------------------------------------

# what icacls /save gives for %LOCALAPPDATA%\dyz: the user, SYSTEM and the Administrators
LOCAL_APP_DATA = "D:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;FA;;;S-1-5-21-7-8-9-1001)"
# and for a folder made at the root of D:
DRIVE_ROOT = (
    "D:AI(A;OICIID;FA;;;BA)(A;OICIID;FA;;;SY)(A;OICIIOID;GA;;;CO)"
    "(A;OICIID;0x1200a9;;;BU)(A;ID;0x1301bf;;;AU)(A;OICIIOID;SDGXGWGR;;;AU)"
)


def test_a_folder_open_to_the_laptop_s_users_is_told_from_one_that_is_the_user_s() -> None:
    assert broad_grants(LOCAL_APP_DATA) == []
    assert broad_grants(DRIVE_ROOT) == ["Users", "Authenticated Users"]
    # a deny entry lets no one in; an audit list is not access
    assert broad_grants("D:(D;;FA;;;WD)(A;;FA;;;SY)S:(AU;SA;FA;;;WD)") == []
    assert broad_grants("D:(A;;FR;;;S-1-1-0)") == ["Everyone"]


def test_icacls_output_is_read_in_utf16_with_or_without_its_mark() -> None:
    saved = f"dyz\r\n{DRIVE_ROOT}\r\n"
    assert sddl_of(saved.encode("utf-16-le")) == DRIVE_ROOT
    assert sddl_of("\ufeff".encode("utf-16-le") + saved.encode("utf-16-le")) == DRIVE_ROOT


def test_doctor_names_the_folder_and_the_command_that_closes_it(tmp_path: Path) -> None:
    assert health.folder_access(tmp_path, LOCAL_APP_DATA).ok
    finding = health.folder_access(tmp_path, DRIVE_ROOT)
    assert not finding.ok and finding.detail["who"] == ["Users", "Authenticated Users"]
    line = finding_line(finding)
    assert str(tmp_path) in line and "icacls" in line and "Users" in line


@pytest.mark.skipif(sys.platform != "win32", reason="reads a real Windows access list")
def test_on_windows_a_folder_granted_to_everyone_is_reported(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    notebook = tmp_path / "shared" / "dyz.db"
    notebook.parent.mkdir()
    dyz("--db", str(notebook), "init", "--device-name", "甲")
    mine = {f["check"]: f for f in dyz_json("--db", str(notebook), "doctor", "-f", "json")}
    assert mine["modes"]["ok"], mine["modes"]
    subprocess.run(["icacls", str(notebook.parent), "/grant", "*S-1-1-0:(OI)(CI)R"], check=True)
    told = dyz("--db", str(notebook), "doctor", "-f", "json", code=1)
    found = {f["check"]: f for f in json.loads(told.stdout)}
    assert not found["modes"]["ok"] and "Everyone" in found["modes"]["detail"]["who"]
    assert os.environ.get("LOCALAPPDATA")
