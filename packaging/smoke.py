"""Run a dyz executable through what a unit head does with it, as the built folder is shipped:
the demo, a photo, a roll from Excel, a signed and encrypted round trip between two notebooks with a
bundle big enough to be read by a second process, a backup and its restore, a printed page.

    python packaging/smoke.py dist/dyz/dyz.exe      # the Windows build
    python packaging/smoke.py dist/dyz/dyz          # the Linux build (.ci/run)
    python packaging/smoke.py .venv/bin/dyz         # any dyz

Each step checks what it made and prints one line; the first failure ends the run with exit
status 1. Nothing waits for a keyboard: dyz's standard input is empty and every command has a
time limit. Only the standard library is used, so that a bare Python runs it. What dyz prints
is not read for its words (a console may show Chinese as "?"), only its files and figures.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROLL_XLSX = ROOT / "examples" / "花名册.xlsx"
BESIDE_FROM = 8 << 20  # danyuanzhang/sync/bundle/beside.py: a bundle this big is read beside
BIG_ROLL = 6_500  # flats of one resident each: a bundle of about 9 MB once opened
PASSPHRASE = "正确的马匹电池订书钉"
LIMIT = 300  # seconds for one command, however slow the machine


class Failed(Exception):
    pass


class Dyz:
    """The executable under test, each notebook a file in a scratch folder."""

    def __init__(self, executable: Path, folder: Path) -> None:
        self.executable = executable
        self.folder = folder
        self.env = {**os.environ, "DYZ_DEMO_DB": str(folder / "demo.db")}
        self.env.pop("DYZ_DB", None)  # never the notebook of whoever runs this

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [str(self.executable), *args],
            cwd=self.folder,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def __call__(
        self, *args: str, process: subprocess.Popen[bytes] | None = None, quiet: bool = False
    ) -> str:
        """Run `dyz ARGS`; what it wrote to either stream, or Failed with it."""
        process = process or self.start(*args)
        try:
            out, err = process.communicate(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            process.kill()
            raise Failed(f"dyz {' '.join(args)} ran over {LIMIT} s") from None
        if process.returncode != 0:
            said = (out + err).decode("utf-8", "replace").strip()
            raise Failed(f"dyz {' '.join(args)} ended with {process.returncode}: {said}")
        return (out if quiet else out + err).decode("utf-8", "replace")

    def households(self, db: str, *options: str) -> list[dict[str, str]]:
        """`dyz household list` as CSV; only its ids, refs and figures are read, which are the
        same in any console's encoding."""
        listed = self("--db", db, "household", "list", *options, "-f", "csv", quiet=True)
        return list(csv.DictReader(listed.splitlines()))


def check(condition: bool, failure: str) -> None:
    if not condition:
        raise Failed(failure)


def step_version(dyz: Dyz) -> str:
    line = dyz("--version").strip()
    check(re.fullmatch(r"dyz \d+\.\d+\.\d+\S* \(.+\)", line) is not None, f"--version: {line!r}")
    if (dyz.executable.parent / "_internal").is_dir():
        check("one-folder build" in line, f"--version does not name the build: {line!r}")
    return line


def step_demo(dyz: Dyz) -> str:
    dyz("demo")
    demo = dyz.folder / "demo.db"
    check(demo.is_file(), "dyz demo made no demo notebook")
    households = dyz.households(str(demo))
    check(len(households) > 0, f"the demo holds {len(households)} households")
    return f"the demo notebook holds {len(households)} households"


def step_page(dyz: Dyz) -> str:
    page = dyz.folder / "周报.html"
    demo = str(dyz.folder / "demo.db")
    dyz("--db", demo, "report", "--week", "2026-W46", "--format", "html", "-o", str(page))
    check(page.is_file(), "report --format html wrote no page")
    html = page.read_text(encoding="utf-8")
    check(html.lstrip().lower().startswith("<!doctype html"), "the page is not HTML")
    check("@media print" in html or "@page" in html, "the page has no print styles")
    return f"the weekly report page printed ({len(html.encode()) // 1024} KB)"


def phone_photo(path: Path, width: int = 3000, height: int = 2000) -> None:
    """A PNG bigger than dyz keeps (its longest side is 1,600 px), made without Pillow."""
    pattern = bytes(n * 7 & 255 for n in range(width * 3 + 768))
    pixels = b"".join(b"\0" + pattern[row % 256 * 3 :][: width * 3] for row in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels, 1))
        + chunk(b"IEND", b"")
    )


def step_photo(dyz: Dyz) -> str:
    photo = dyz.folder / "隐患.png"
    phone_photo(photo)
    demo = str(dyz.folder / "demo.db")
    where = ("--kind", "飞线充电", "--where", "2-2 3楼窗外", "--days", "3")
    dyz("--db", demo, "hazard", "add", *where, "--photo", str(photo))  # Pillow made it small
    return "a 3000 x 2000 photo taken with a hazard"


def step_roll(dyz: Dyz) -> str:
    dyz("--db", "甲.db", "init", "--device-name", "甲电脑", "--name", "周玉梅")
    dyz("--db", "甲.db", "household", "import", str(ROLL_XLSX))
    households = dyz.households("甲.db")
    residents = sum(int(h["residents"]) for h in households)
    check(len(households) > 0 and residents > len(households), "the roll brought nobody in")
    return f"{ROLL_XLSX.name}: {len(households)} households, {residents} residents imported"


def big_roll(path: Path) -> None:
    """A roll of `BIG_ROLL` flats in estates 小区01…, as a community keeps one in CSV."""
    chance = random.Random(7)
    with path.open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(["小区", "楼栋", "单元", "房号", "姓名", "电话", "出生年份", "标记"])
        made = 0
        while made < BIG_ROLL:
            estate, flat = divmod(made, 1080)
            building, flat = divmod(flat, 36)
            unit, flat = divmod(flat, 12)
            floor, door = divmod(flat, 2)
            name = chance.choice("王李张刘陈杨黄赵周吴") + chance.choice(["建国", "桂英", "秀兰"])
            rows.writerow(
                [
                    f"小区{estate + 1:02d}",
                    building + 1,
                    unit + 1,
                    f"{floor + 1}0{door + 1}",
                    name,
                    f"13{chance.randrange(10**9):09d}",
                    chance.randint(1935, 2010),
                    "独居老人" if chance.random() < 0.1 else "",
                ]
            )
            made += 1


def watched(process: subprocess.Popen[bytes]) -> Callable[[], bool | None]:
    """Whether `process` was seen with a child while it ran; None where the system does not
    tell (only Linux lists a process's children in /proc)."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    if not children.exists():
        return lambda: None
    seen: list[str] = []

    def watch() -> None:
        while process.poll() is None and not seen:
            try:
                seen.extend(children.read_text().split())
            except OSError:
                return
            time.sleep(0.01)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()

    def result() -> bool:
        watcher.join()
        return bool(seen)

    return result


def step_round_trip(dyz: Dyz) -> str:
    """甲 sends 乙 a big bundle sealed to 乙's key, 乙 adds a resident and sends it back."""
    roll = dyz.folder / "big.csv"
    big_roll(roll)
    dyz("--db", "甲.db", "household", "import", str(roll))
    dyz("--db", "乙.db", "init", "--device-name", "乙电脑", "--name", "罗淑珍")
    dyz("--db", "乙.db", "export", "-o", "hello.yaml")  # 乙's key, for 甲 to seal to
    dyz("--db", "甲.db", "import", "hello.yaml")
    dyz("--db", "甲.db", "export", "--for", "乙电脑", "-o", "big.yaml")
    sealed = (dyz.folder / "big.yaml").read_bytes()
    check(b"encrypted bundle" in sealed[:200], "export --for wrote a bundle that is not sealed")
    with roll.open(encoding="utf-8") as rows:
        phone = list(csv.reader(rows))[1][5]
    check(phone.encode() not in sealed, "a phone number can be read in the sealed bundle")

    process = dyz.start("--db", "乙.db", "import", "big.yaml")
    had_a_child = watched(process)
    said = dyz("--db", "乙.db", "import", "big.yaml", process=process)
    # a reader that could not start (a frozen Windows build without freeze_support) says so
    # on the console it shares, and the import falls back to reading in one process
    check("multiprocessing" not in said, f"the reader beside failed: {said}")
    if (os.cpu_count() or 1) == 1:
        beside = "read in one process (one core)"
    elif had_a_child() is None:
        beside = "read with no reader failing"
    else:
        check(bool(had_a_child()), "the big bundle was not read by a second process")
        beside = "read beside"
    sent = {h["id"] for h in dyz.households("甲.db")}
    arrived = {h["id"] for h in dyz.households("乙.db")}
    check(sent == arrived, f"乙 has {len(arrived)} households, 甲 sent {len(sent)}")

    dyz("--db", "乙.db", "resident", "add", "1-1-101", "--estate", "小区01", "--name", "陈桂兰")
    dyz("--db", "乙.db", "export", "--for", "甲电脑", "-o", "back.yaml")
    dyz("--db", "甲.db", "import", "back.yaml")
    flats = dyz.households("甲.db", "--estate", "小区01", "--unit", "1-1")
    check(
        [f["residents"] for f in flats if f["ref"] == "1-1-101"] == ["2"], "乙's resident is lost"
    )
    return (
        f"sealed round trip: {len(sent)} households in {len(sealed) / 1e6:.1f} MB sealed, "
        f"{beside}; one resident back"
    )


def step_backup(dyz: Dyz) -> str:
    passphrase = dyz.folder / "口令.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    dyz("--db", "甲.db", "backup", "-o", "甲.dyzbak", "--passphrase-file", str(passphrase))
    backup = dyz.folder / "甲.dyzbak"
    check(backup.is_file(), "backup wrote nothing")
    restored = "恢复.db"
    dyz("--db", restored, "restore", "甲.dyzbak", "--passphrase-file", str(passphrase), "--yes")
    kept = dyz.households(restored)
    check(kept == dyz.households("甲.db"), "the restored notebook differs from the one backed up")
    return f"backup ({backup.stat().st_size / 1e6:.1f} MB) restored: {len(kept)} households"


STEPS = [step_version, step_demo, step_photo, step_page, step_roll, step_round_trip, step_backup]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("executable", type=Path, help="dyz, dyz.exe or a virtualenv's dyz")
    executable = parser.parse_args().executable.resolve()
    sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    if not executable.is_file():
        print(f"FAIL no executable at {executable}")
        return 1
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dyz-smoke-") as folder:
        dyz = Dyz(executable, Path(folder))
        for step in STEPS:
            began = time.perf_counter()
            try:
                said = step(dyz)
            except Failed as failure:
                print(f"FAIL {step.__name__[5:]}: {failure}", flush=True)
                return 1
            print(f"ok   {said} ({time.perf_counter() - began:.1f} s)", flush=True)
    print(f"smoke passed in {time.perf_counter() - started:.1f} s: {executable}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
