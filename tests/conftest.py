"""Every test gets its own database in a temporary folder; none can touch a real one."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

if os.environ.get("DYZ_WITHOUT_LIBYAML"):
    # PyYAML as installed without its C extension: `.ci/run` runs the bundle tests once so
    sys.modules["yaml._yaml"] = None  # type: ignore[assignment]

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner, Result

from danyuanzhang.cli import app
from danyuanzhang.text.i18n import set_lang

# The laws (hypothesis) in CI draw the same examples on every run: the seed is a hash of the
# test (`derandomize`), so a submission cannot fail by chance and a failure comes back when the
# run is repeated. A derandomized run keeps no example database (it has nothing to replay).
# `DYZ_LAW_EXAMPLES=N` explores instead: N examples a test from random seeds, with the example
# database in .hypothesis/ (what failed is tried first on the next run); a failure it finds is
# added to its law as an @example (hypothesis writes the patch in .hypothesis/patches/).
# Loaded here, before any test module is imported: a test's settings are fixed when it is
# decorated.
settings.register_profile("dyz-ci", settings.get_profile("ci"))
settings.register_profile(
    "dyz-explore",
    settings.get_profile("default"),
    max_examples=int(os.environ.get("DYZ_LAW_EXAMPLES") or 100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = (
    "dyz-explore"
    if os.environ.get("DYZ_LAW_EXAMPLES")
    else "dyz-ci"
    if os.environ.get("CI")
    else "default"
)
settings.load_profile(PROFILE)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """In CI, no law may draw its own random examples: a test whose settings were made
    without the profile (`derandomize=False`, or a parent that is not the profile) is named."""
    if PROFILE != "dyz-ci":
        return
    own_seed = [item.nodeid for item in items if not derandomized(item)]
    if own_seed:
        raise pytest.UsageError(f"hypothesis tests not derandomized in CI: {own_seed}")


def derandomized(item: pytest.Item) -> bool:
    machine_settings = getattr(getattr(item, "cls", None), "settings", None)
    if isinstance(machine_settings, settings):  # a state machine's TestCase
        return machine_settings.derandomize
    drawn = getattr(getattr(item, "obj", None), "_hypothesis_internal_use_settings", None)
    return not isinstance(drawn, settings) or drawn.derandomize


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "dyz.db"
    monkeypatch.setenv("DYZ_DB", str(db))
    monkeypatch.setenv("DYZ_DEMO_DB", str(tmp_path / "demo.db"))
    monkeypatch.setenv("DYZ_LANG", "zh")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("DYZ_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)
    set_lang(None)
    return db


@pytest.fixture
def db(isolated: Path) -> Path:
    return isolated


Runner = Callable[..., Result]


@pytest.fixture
def dyz() -> Runner:
    """Run `dyz ARGS...`; asserts the exit code (0 unless `code=` says otherwise)."""

    def run(*args: str, code: int | None = 0, input: str | None = None) -> Result:
        result = CliRunner().invoke(
            app, list(args), input=input, catch_exceptions=False, prog_name="dyz"
        )
        if code is not None:
            assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
        return result

    return run


@pytest.fixture
def dyz_json(dyz: Runner) -> Callable[..., Any]:
    def run(*args: str) -> Any:
        return json.loads(dyz(*args, "--format", "json").stdout)

    return run


@pytest.fixture
def estate(dyz: Runner) -> str:
    """A database with one estate and household 2-2-301 in it."""
    dyz("init", "--community", "芙蓉南路社区", "--device-name", "王建国的电脑")
    dyz("household", "add", "2-2-301", "--estate", "新芙蓉之都")
    return "新芙蓉之都"


@pytest.fixture
def stairwell(dyz: Runner, estate: str) -> str:
    """Unit 2-2 with four flats: 301 (刘桂英, lives alone), 302 (王建国, 李秀兰), 401 (赵磊),
    402 (nobody on record)."""
    dyz(
        "resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678",
        "--flag", "独居老人",
    )  # fmt: skip
    dyz("household", "add", "2-2-302")
    dyz("resident", "add", "2-2-302", "--name", "王建国")
    dyz("resident", "add", "2-2-302", "--name", "李秀兰")
    dyz("household", "add", "2-2-401")
    dyz("resident", "add", "2-2-401", "--name", "赵磊")
    dyz("household", "add", "2-2-402")
    return estate


# when the notebook was last checked, and its owner reminded to back up: a command notes them
# the first time it opens the notebook in a day, which changes no one's data
BOOKKEEPING = ("checked_on", "backup_reminded", "backup_watch_since", "backup_looked_on")


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: what "the data is unchanged" means in a test."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
        if "settings" in rows:
            rows["settings"] = [r for r in rows["settings"] if r[0] not in BOOKKEEPING]
        return rows
    finally:
        conn.close()


def one_line_error(result: Result) -> str:
    """A user error is one line on stderr and no traceback."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.stderr + result.stdout
    assert len(lines) == 1, result.stderr
    return lines[0]


def refused_unchanged(dyz: Runner, db: list[str], bundle: Path, *words: str) -> str:
    """`dyz import bundle` on the laptop `db` (its --db arguments): one line naming `words`,
    exit 1, and the notebook exactly as it was."""
    before = snapshot(Path(db[1]))
    line = one_line_error(dyz(*db, "import", str(bundle), code=1))
    for word in ("数据未作任何改动", *words):
        assert word in line, line
    assert snapshot(Path(db[1])) == before
    return line
