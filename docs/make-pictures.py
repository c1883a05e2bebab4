"""Make the pictures of printed pages the README shows, from the sample community:
docs/report.png (a unit's weekly report, one A4 sheet) and docs/notice.png (a rectification
notice with its receipt stub, A5).

    python docs/make-pictures.py

Needs dyz installed, Chromium (`chromium` or `chromium-browser`) and pdftoppm (poppler-utils),
and fonts that hold Chinese (fonts-noto-cjk). The pages are printed to PDF exactly as a user
prints them, and the PDF's first sheet turned into a small PNG.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent


def dyz(db: Path, *args: str) -> str:
    env = {**os.environ, "DYZ_LANG": "zh", "CI": "true"}
    done = subprocess.run(
        [sys.executable, "-m", "danyuanzhang", "--db", str(db), *args],
        capture_output=True, text=True, env=env, check=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    return done.stdout


def picture(page: Path, target: Path, folder: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None or shutil.which("pdftoppm") is None:
        raise SystemExit("needs chromium and pdftoppm (apt-get install chromium poppler-utils)")
    pdf = folder / f"{page.stem}.pdf"
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         f"--user-data-dir={folder / 'profile'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    stem = folder / page.stem
    subprocess.run(
        ["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    shutil.copyfile(f"{stem}.png", target)
    print(f"wrote {target.relative_to(DOCS.parent)}")


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db = folder / "demo.db"
        dyz(db, "demo", "--to", str(db))
        report = folder / "report.html"
        dyz(db, "report", "--week", "2026-W46", "--scope", "unit:2-2", "-f", "html", "-o",
            str(report))  # fmt: skip
        picture(report, DOCS / "report.png", folder)
        hazards = json.loads(dyz(db, "hazard", "list", "--format", "json"))
        # the latest flying wire of a household: a notice issued the day it was found
        hazard = max(
            (h for h in hazards if h["household"] and h["kind"] == "flying_wire"),
            key=lambda h: h["found_on"],
        )
        notice = folder / "notice.html"
        dyz(db, "hazard", "notice", hazard["id"][:8], "--on", hazard["found_on"], "-f", "html", "-o",
            str(notice))  # fmt: skip
        picture(notice, DOCS / "notice.png", folder)


if __name__ == "__main__":
    main()
