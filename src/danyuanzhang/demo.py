"""The sample community: a separate database built from `examples/`, never the user's own."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.i18n import join
from danyuanzhang.rollcall import import_roll
from danyuanzhang.roster import import_roster
from danyuanzhang.store import Store
from danyuanzhang.store import registry as reg

DEMO_COMMUNITY = "芙蓉南路社区"
DEMO_DEVICE = "演示电脑"
DEMO_UNIT = "2-2"


def examples_dir() -> Path:
    """`examples/` inside the installed package, or beside `src/` in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "examples", here.parents[1] / "examples"):
        if (candidate / "households.csv").is_file():
            return candidate
    raise DyzError("examples_missing")


def demo_path() -> Path:
    env = os.environ.get("DYZ_DEMO_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("dyz", appauthor=False)) / "demo.db"


def _remove_old_demo(path: Path) -> None:
    if not path.exists():
        return
    store = Store.open(path)
    try:
        is_demo = store.setting("demo") == "1"
    finally:
        store.close()
    if not is_demo:
        raise DyzError("demo_would_overwrite", path=str(path))
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def build_demo(path: Path) -> tuple[Store, dict[str, Any]]:
    """A fresh demo database at `path` (replacing an earlier demo, refusing anything else)."""
    _remove_old_demo(path)
    examples = examples_dir()
    store = Store.open(path)
    store.ensure_device(DEMO_DEVICE)
    store.set_setting("demo", "1")
    store.set_setting("community", DEMO_COMMUNITY)
    roll = import_roll(store, examples / "households.csv")
    import_roster(store, examples / "roster.csv")
    counts = reg.counts(store)
    by_flag = reg.flag_counts(store)
    summary = {
        "community": DEMO_COMMUNITY,
        "estates": join(roll.estates),
        "households": counts["households"],
        "residents": counts["residents"],
        "roster": counts["roster"],
        "elderly_alone": by_flag.get("elderly_alone", 0),
        "needs_help": by_flag.get("needs_help", 0),
    }
    return store, summary
