"""Printed pages measured in headless Chromium, as a sheet of paper is looked at: how many
sheets it takes, whether anything runs off its page or out of its cell, whether a name, a flat,
a day or a phone is broken across two lines, and whether any text is smaller than 12 pt.

The measuring is done by a script added to a copy of the page (the page itself has none): the
page laid out at the printed width of its paper, every element and every text run checked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# .ci/run installs Chromium and sets this, so that in CI the checks can never be skipped.
REQUIRED = os.environ.get("DYZ_REQUIRE_BROWSER") == "1"
needs_browser = pytest.mark.skipif(
    CHROMIUM is None and not REQUIRED, reason="no Chromium on this machine"
)

MM = 96 / 25.4  # CSS pixels in a millimetre
# (width, height) in mm of each paper, portrait
PAPER = {"A4": (210, 297), "A5": (148, 210)}


def chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM, "Chromium is required here (apt-get install chromium)"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    return subprocess.run(
        [CHROMIUM, *flags, *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def printed(page: Path, tmp_path: Path) -> tuple[int, tuple[int, int]]:
    """(how many sheets, (width, height) of a sheet in points) of the page printed to PDF."""
    pdf = tmp_path / f"{page.stem}.pdf"
    result = chromium([f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    sheets = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    return sheets, (round(float(box.group(1))), round(float(box.group(2))))


# Words that must stay on one line wherever they are printed
_UNBROKEN = [
    r"[0-9]+栋[0-9]+单元[0-9]+室",  # a flat in words
    r"(?<![0-9])[0-9]{1,3}-[0-9]{1,2}-[0-9]{2,4}(?![0-9])",  # a flat: 2-2-601
    r"[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|[0-9]{1,2}月[0-9]{1,2}日",  # a day
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}",
    r"1[3-9][0-9][ *]?[0-9*]{4}[ *]?[0-9]{4}",  # a mobile, masked or spaced
    r"0[0-9]{2,3}-(?:[0-9]{3,4} ?|\*{4})[0-9]{4}",  # a landline
    r"[0-9]+(?:\.[0-9]+)?%?",  # a number
]

_MEASURE = """
<script>
(() => {
  const width = document.documentElement.clientWidth;
  const found = {width, overflow: [], broken: [], small: []};
  const text = el => (el.textContent || '').trim().slice(0, 40);
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg, script, style') || el.id === 'measured') continue;
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 1) found.overflow.push('page: ' + text(el));
    if (['TD', 'TH'].includes(el.tagName) && el.scrollWidth > el.clientWidth + 1)
      found.overflow.push('cell: ' + text(el));
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (own && parseFloat(getComputedStyle(el).fontSize) < 15.9)
      found.small.push(getComputedStyle(el).fontSize + ' ' + text(el));
  }
  // lines a run of text takes: boxes that overlap in height are on one line (a digit and a
  // Chinese character from two fonts have boxes of different heights)
  const lines = range => {
    let count = 0, bottom = -Infinity;
    for (const r of [...range.getClientRects()].filter(r => r.width).sort((a, b) => a.top - b.top)) {
      if (r.top >= bottom - 1) { count += 1; bottom = r.bottom; } else bottom = Math.max(bottom, r.bottom);
    }
    return count;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const words = new RegExp(PATTERNS, 'g');
  for (let node; (node = walker.nextNode()); ) {
    if (node.parentElement.closest('svg, style, script, title')) continue;
    for (const match of node.textContent.matchAll(words)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (lines(range) > 1) found.broken.push(match[0]);
    }
  }
  for (const el of document.querySelectorAll('th, .name, .ref, .day, .phone, .num, .nobreak')) {
    const range = document.createRange();
    range.selectNodeContents(el);
    if (lines(range) > 1) found.broken.push(text(el));
  }
  const out = document.createElement('pre');
  out.id = 'measured';
  out.textContent = JSON.stringify(found);
  document.body.appendChild(out);
})();
</script>
"""


def measured(page: Path, tmp_path: Path, printed_width_mm: float) -> dict[str, Any]:
    """The page laid out `printed_width_mm` wide (its paper less the margins): what overflows,
    what is broken across lines, what is too small."""
    script = _MEASURE.replace("PATTERNS", json.dumps("|".join(_UNBROKEN)))
    copy = tmp_path / f"{page.stem}-measured.html"
    copy.write_text(
        page.read_text(encoding="utf-8").replace("</body>", script + "</body>"), encoding="utf-8"
    )
    width = round(printed_width_mm * MM)
    dom = chromium(
        ["--dump-dom", f"--window-size={width},1200", "--virtual-time-budget=5000", copy.as_uri()],
        tmp_path,
    ).stdout
    found = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    assert found is not None, dom[-2000:]
    import html

    return dict(json.loads(html.unescape(found.group(1))))


def assert_well_laid_out(page: Path, tmp_path: Path, printed_width_mm: float) -> None:
    found = measured(page, tmp_path, printed_width_mm)
    assert found["overflow"] == [], found["overflow"]
    assert found["broken"] == [], found["broken"]
    assert found["small"] == [], found["small"]
