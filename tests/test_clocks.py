"""Laptops with wrong clocks, and stamps forged to poison a clock: a stamp more than a day ahead
of the receiver's own clock is refused, naming the laptop and its date; a counter at its end is
refused; a laptop whose own date is wrong is told so, once a day."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from danyuanzhang.core import hlc
from tests.conftest import Runner, refused_unchanged
from tests.test_hostile_bundles import rehash, reseal

REAL_NOW = hlc.wall_now_ms
YEAR_MS = 365 * hlc.DAY_MS


@contextmanager
def clock_off_by(monkeypatch: pytest.MonkeyPatch, ms: int) -> Iterator[None]:
    """This laptop's wall clock, `ms` off the real one, for the commands run inside."""
    monkeypatch.setattr(hlc, "wall_now_ms", lambda: REAL_NOW() + ms)
    try:
        yield
    finally:
        monkeypatch.setattr(hlc, "wall_now_ms", REAL_NOW)


@pytest.fixture
def office(dyz: Runner, tmp_path: Path) -> list[str]:
    office = ["--db", str(tmp_path / "office.db")]
    dyz(*office, "init", "--device-name", "社区办公室")
    dyz(*office, "household", "add", "1-1-101", "--estate", "新芙蓉之都")
    return office


def unit_head(dyz: Runner, tmp_path: Path, name: str = "周玉梅的电脑") -> list[str]:
    unit = ["--db", str(tmp_path / f"{name}.db")]
    dyz(*unit, "init", "--device-name", name)
    return unit


def test_a_laptop_five_years_ahead_is_refused_with_its_name_and_date(
    dyz: Runner, office: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = unit_head(dyz, tmp_path)
    bundle = tmp_path / "ahead.yaml"
    with clock_off_by(monkeypatch, 5 * YEAR_MS):
        dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
        dyz(*unit, "export", "--plain", "-o", str(bundle))
    year = datetime.fromtimestamp((REAL_NOW() + 5 * YEAR_MS) / 1000).year
    line = refused_unchanged(dyz, office, bundle, "周玉梅的电脑", f"{year}年", "日期", "重新导出")
    assert "快了一天以上" in line


def test_a_change_stamped_in_9999_cannot_pin_the_clock(
    dyz: Runner, office: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = unit_head(dyz, tmp_path, "坏人的电脑")
    bundle = tmp_path / "9999.yaml"
    far = 253_402_214_399_000 - REAL_NOW()  # 9999-12-31 23:59:59 UTC
    with clock_off_by(monkeypatch, far):
        dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
        dyz(*unit, "export", "--plain", "-o", str(bundle))
    refused_unchanged(dyz, office, bundle, "坏人的电脑", "9999年")
    # and the office's own clock stayed its own: its next change is stamped now
    dyz(*office, "household", "add", "1-1-102")
    conn = sqlite3.connect(office[1])
    latest = conn.execute("SELECT value FROM settings WHERE key = 'clock'").fetchone()[0]
    conn.close()
    assert abs(hlc.wall_of(latest) - REAL_NOW()) < hlc.DAY_MS


def test_a_change_less_than_a_day_ahead_is_accepted(
    dyz: Runner, office: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = unit_head(dyz, tmp_path)
    bundle = tmp_path / "soon.yaml"
    with clock_off_by(monkeypatch, hlc.DAY_MS - 3_600_000):  # 23 hours: a time zone set wrong
        dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
        dyz(*unit, "export", "--plain", "-o", str(bundle))
    assert "新增" in dyz(*office, "import", str(bundle)).stderr


def test_a_seen_mark_from_the_future_is_refused(
    dyz: Runner, office: list[str], tmp_path: Path
) -> None:
    unit = unit_head(dyz, tmp_path)
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    bundle = tmp_path / "good.yaml"
    dyz(*unit, "export", "--plain", "-o", str(bundle))
    text = bundle.read_text(encoding="utf-8")
    forged = re.sub(r'(seen: \{"[0-9a-f]{32}": ")[0-9]{15}', r"\g<1>253402214399000", text, count=1)
    assert forged != text
    bad = tmp_path / "seen.yaml"
    bad.write_text(reseal(forged), encoding="utf-8")
    refused_unchanged(dyz, office, bad, "周玉梅的电脑", "9999年")


def test_a_counter_at_its_end_is_refused(dyz: Runner, office: list[str], tmp_path: Path) -> None:
    unit = unit_head(dyz, tmp_path)
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    bundle = tmp_path / "good.yaml"
    dyz(*unit, "export", "--plain", "-o", str(bundle))
    text = bundle.read_text(encoding="utf-8")
    line = next(line for line in text.split("\n") if 'set: "room"' in line)
    stamp = re.search(r'hlc: "([^"]+)"', line).group(1)  # type: ignore[union-attr]
    end = f"{stamp[:16]}9999999999{stamp[26:]}"
    record = re.search(r'id: "([0-9a-f]{32})"\n  changes:', text).group(1)  # type: ignore[union-attr]
    forged = rehash(
        text.replace(line, line.replace(stamp, end)), 'set: "room"', "household", record
    )
    bad = tmp_path / "overflow.yaml"
    bad.write_text(reseal(forged), encoding="utf-8")
    refused_unchanged(dyz, office, bad, "hlc")


def test_a_clock_poisoned_at_the_counter_s_end_still_writes(dyz: Runner, tmp_path: Path) -> None:
    unit = unit_head(dyz, tmp_path)
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    conn = sqlite3.connect(unit[1])
    latest = conn.execute("SELECT value FROM settings WHERE key = 'clock'").fetchone()[0]
    poisoned = f"{latest[:16]}9999999999{latest[26:]}"
    conn.execute("UPDATE settings SET value = ? WHERE key = 'clock'", (poisoned,))
    conn.commit()
    conn.close()
    dyz(*unit, "household", "add", "2-2-302")
    conn = sqlite3.connect(unit[1])
    stamps = [r[0] for r in conn.execute("SELECT hlc FROM changes ORDER BY hlc")]
    conn.close()
    assert all(s[16] == "0" for s in stamps) and max(stamps) > poisoned


def test_a_laptop_twenty_years_behind_is_told_once_a_day_and_loses_nothing(
    dyz: Runner, office: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = unit_head(dyz, tmp_path)
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    with clock_off_by(monkeypatch, -20 * YEAR_MS):
        first = dyz(*unit, "household", "add", "2-2-302").stderr
        again = dyz(*unit, "household", "list").stderr
        bundle = tmp_path / "behind.yaml"
        dyz(*unit, "export", "--plain", "-o", str(bundle))
    year = datetime.fromtimestamp((REAL_NOW() - 20 * YEAR_MS) / 1000).year
    assert f"本机的日期显示 {year}年" in first and "日期不对" in first
    assert "本机的日期" not in again
    # its changes still sort after the ones before, and the office takes them
    assert "新增" in dyz(*office, "import", str(bundle)).stderr
    listed = dyz(*office, "household", "list", "--format", "json").stdout
    assert "2-2-302" in listed and "2-2-301" in listed


def test_a_laptop_a_year_ahead_of_its_last_bundle_is_told(
    dyz: Runner, office: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = unit_head(dyz, tmp_path)
    from_office = tmp_path / "from-office.yaml"
    dyz(*office, "export", "--plain", "--all", "-o", str(from_office))
    dyz(*unit, "import", str(from_office))
    assert "本机的日期" not in dyz(*unit, "household", "list").stderr
    with clock_off_by(monkeypatch, 5 * YEAR_MS):
        said = dyz(*unit, "household", "list").stderr
    assert "晚了一年多" in said and "拒收" in said


def test_a_clock_poisoned_by_an_earlier_version_still_shows_peers_and_conflicts(
    dyz: Runner, office: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    unit = unit_head(dyz, tmp_path)
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    bundle = tmp_path / "good.yaml"
    dyz(*unit, "export", "--plain", "--all", "-o", str(bundle))
    dyz(*office, "import", str(bundle))
    conn = sqlite3.connect(office[1])
    conn.execute("UPDATE knowledge SET hlc = '999999999999999' || substr(hlc, 16)")
    conn.commit()
    conn.close()
    shown = dyz(*office, "peers", "--format", "json").stdout
    assert "9999-12-30" in shown or "9999-12-31" in shown


def test_many_stamps_at_once_are_the_stamps_of_as_many_ticks() -> None:
    """A roll's thousands of changes take their stamps in one go: the same stamps, in order,
    that one tick each would give, and the clock where those ticks would leave it."""
    from danyuanzhang.core.hlc import Clock

    near_the_end = "000000000000009-0999999500-dev"  # the counter runs out on the way
    for start in (
        None,
        "000000000000009-0000000004-dev",
        "000000000000500-0000000000-dev",
        near_the_end,
    ):
        one_by_one, at_once = Clock(start), Clock(start)
        singly = [one_by_one.tick("dev", now_ms=9) for _ in range(1000)]
        assert at_once.ticks("dev", 1000, now_ms=9) == singly
        assert at_once.latest == one_by_one.latest
        assert at_once.tick("dev", now_ms=9) == one_by_one.tick("dev", now_ms=9)
    assert Clock(None).ticks("dev", 0) == []


def test_a_change_made_in_a_batch_is_the_change_make_gives() -> None:
    from danyuanzhang.core.changes import Change, encode

    stamp = "000000000000009-0000000004-" + "d" * 32
    made = Change.made_here("周玉梅的电脑")
    for field, value in (("name", "刘桂英"), ("born", 1941), ("flag.tenant", True)):
        assert made(stamp, "resident", "r" * 32, field, encode(value)) == Change.make(
            stamp, "周玉梅的电脑", "resident", "r" * 32, "set", field, encode(value)
        )
