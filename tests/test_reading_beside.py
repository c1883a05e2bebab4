"""A big bundle is read by a second process while this one writes: the same notebook, the same
refusals, and a fallback to reading here when the second process is lost."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from danyuanzhang.store import Store
from danyuanzhang.sync.bundle import beside
from danyuanzhang.sync.bundle.errors import BundleError
from danyuanzhang.sync.exporting import export_bundle
from danyuanzhang.sync.importing import import_bundle
from danyuanzhang.upkeep.demo import build_demo
from tests.conftest import snapshot


@pytest.fixture(scope="module")
def demo_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    store, _ = build_demo(folder / "demo.db")
    try:
        bundle = folder / "demo.yaml"
        export_bundle(store, bundle, everything=True, plain=True)
    finally:
        store.close()
    return bundle


def imported(bundle: Path, db: Path, reading_beside: bool, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`bundle` imported into a new notebook at `db`, read beside or here."""
    monkeypatch.setattr(beside, "BESIDE_FROM", 0 if reading_beside else 1 << 62)
    monkeypatch.setattr(beside.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(beside, "SEND_EVERY", 200)  # many messages, as a big bundle sends
    store = Store.open(db)
    try:
        store.ensure_device("新电脑")
        import_bundle(store, bundle)
    finally:
        store.close()
    return db


def notebook(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Everything but what tells two laptops apart (their own device and when they heard)."""
    rows = snapshot(db)
    for table in ("settings", "devices", "peers", "bundles", "device_keys"):
        rows.pop(table, None)
    return rows


def test_a_bundle_read_beside_makes_the_same_notebook_as_one_read_here(
    demo_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[int] = []
    receive = beside._receive

    def counting(ours, deliver, progress):  # type: ignore[no-untyped-def]
        def counted(incoming, line):  # type: ignore[no-untyped-def]
            sent.append(len(incoming.changes))
            deliver(incoming, line)

        return receive(ours, counted, progress)

    monkeypatch.setattr(beside, "_receive", counting)
    by_two = imported(demo_bundle, tmp_path / "beside.db", True, monkeypatch)
    here = imported(demo_bundle, tmp_path / "here.db", False, monkeypatch)
    assert sum(sent) > 1000  # the records did come through the second process
    assert notebook(by_two) == notebook(here)
    assert notebook(here)["households"]
    assert multiprocessing.active_children() == []


def test_a_bundle_read_beside_as_windows_starts_it_makes_the_same_notebook(
    demo_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows starts the reader afresh ("spawn"): a new interpreter that imports the reader
    and is sent only the path, not a copy of this process; on Linux too, it reads alike."""
    started: list[str] = []
    get_context = multiprocessing.get_context

    def recording(method):  # type: ignore[no-untyped-def]
        started.append(method)
        return get_context(method)

    sent: list[int] = []
    receive = beside._receive

    def counting(ours, deliver, progress):  # type: ignore[no-untyped-def]
        def counted(incoming, line):  # type: ignore[no-untyped-def]
            sent.append(len(incoming.changes))
            deliver(incoming, line)

        return receive(ours, counted, progress)

    here = imported(demo_bundle, tmp_path / "here.db", False, monkeypatch)
    monkeypatch.setattr(beside, "START_METHOD", "spawn")
    monkeypatch.setattr(beside.multiprocessing, "get_context", recording)
    monkeypatch.setattr(beside, "_receive", counting)
    spawned = imported(demo_bundle, tmp_path / "spawned.db", True, monkeypatch)
    assert started == ["spawn"]
    assert sum(sent) > 1000  # read by the spawned process, not by this one after losing it
    assert notebook(spawned) == notebook(here)
    assert multiprocessing.active_children() == []


def test_one_core_or_a_small_bundle_is_read_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(beside.os, "cpu_count", lambda: 2)
    assert beside.worth_reading_beside(beside.BESIDE_FROM)
    assert not beside.worth_reading_beside(beside.BESIDE_FROM - 1)
    monkeypatch.setattr(beside.os, "cpu_count", lambda: 1)
    assert not beside.worth_reading_beside(beside.BESIDE_FROM)


def damaged(bundle: Path, folder: Path) -> Path:
    """The bundle with one phone number changed by hand: its change id no longer matches."""
    text = bundle.read_text(encoding="utf-8")
    start = text.index('set: "phone", to: "1') + len('set: "phone", to: "')
    broken = folder / "damaged.yaml"
    broken.write_text(text[:start] + "2" + text[start + 1 :], encoding="utf-8")
    return broken


@pytest.mark.parametrize("big", [False, True], ids=["walkable", "too big to walk"])
def test_a_damaged_bundle_is_refused_alike_and_changes_nothing(
    demo_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, big: bool
) -> None:
    from danyuanzhang.sync.bundle import reader

    if big:  # the line reader's verdict is then the only one, given by the second process
        monkeypatch.setattr(reader, "EVENT_WALK_LIMIT", 1000)
    broken = damaged(demo_bundle, tmp_path)
    verdicts = []
    for reading_beside in (True, False):
        db = tmp_path / f"{reading_beside}.db"
        store = Store.open(db)
        store.ensure_device("新电脑")
        store.close()
        before = snapshot(db)
        with pytest.raises(BundleError) as refused:
            imported(broken, db, reading_beside, monkeypatch)
        assert snapshot(db) == before
        verdicts.append((refused.value.problem, refused.value.line))
    assert verdicts[0] == verdicts[1]
    assert verdicts[0][0] == "bundle_bad_id" and verdicts[0][1]
    assert multiprocessing.active_children() == []


def test_when_the_second_process_is_lost_the_bundle_is_read_here(
    demo_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def lost_half_way(path, theirs, with_progress):  # type: ignore[no-untyped-def]
        theirs.send(("records", beside.marshal.dumps([])))
        theirs.close()  # and ends with no verdict, as a process killed would

    here = imported(demo_bundle, tmp_path / "here.db", False, monkeypatch)
    monkeypatch.setattr(beside, "_read_and_send", lost_half_way)  # the fork runs it
    fallen_back = imported(demo_bundle, tmp_path / "lost.db", True, monkeypatch)
    assert notebook(fallen_back) == notebook(here)


def test_when_no_second_process_can_start_the_bundle_is_read_here(
    demo_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cannot_start(self):  # type: ignore[no-untyped-def]
        raise OSError("no more processes")

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", cannot_start)
    here = imported(demo_bundle, tmp_path / "here.db", False, monkeypatch)
    fallen_back = imported(demo_bundle, tmp_path / "none.db", True, monkeypatch)
    assert notebook(fallen_back) == notebook(here)


def test_an_import_stopped_part_way_stops_the_reader_too(
    demo_bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(beside, "SEND_EVERY", 50)

    def interrupted(*_):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        beside.read_beside(demo_bundle, interrupted)
    assert multiprocessing.active_children() == []


def test_the_progress_bar_hears_the_second_process(
    demo_bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from danyuanzhang.sync.bundle import reader

    monkeypatch.setattr(reader, "PROGRESS_EVERY", 100)
    heard: list[tuple[str, float]] = []
    beside.read_beside(demo_bundle, lambda *_: None, lambda *said: heard.append(said))
    reading = [done for phase, done in heard if phase == "read"]
    assert len(reading) >= 5 and reading == sorted(reading) and 0 < reading[-1] <= 1


def test_a_fault_in_the_second_process_prints_nothing_and_the_bundle_is_read_here(
    demo_bundle: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    here = imported(demo_bundle, tmp_path / "here.db", False, monkeypatch)
    capfd.readouterr()

    def faulty(*_):  # type: ignore[no-untyped-def]
        raise ValueError("刘桂英 13812345678")

    monkeypatch.setattr(beside, "read", faulty)  # the second process's reader, not this one's
    fallen_back = imported(demo_bundle, tmp_path / "fault.db", True, monkeypatch)
    printed = capfd.readouterr()
    assert printed.err == "" and "13812345678" not in printed.out
    assert notebook(fallen_back) == notebook(here)
