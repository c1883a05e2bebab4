"""PyYAML installed without its C extension (issue 34): bundles are read by PyYAML's own
reader, with a one-line note. `.ci/run` also runs the bundle tests once so: with
DYZ_WITHOUT_LIBYAML=1, tests/conftest.py hides the extension before anything imports yaml."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import Runner

# dyz started as the `dyz` command is, in a Python whose PyYAML cannot load libyaml
WITHOUT_LIBYAML = (
    "import sys\nsys.modules['yaml._yaml'] = None\nfrom danyuanzhang.cli import main\nmain()\n"
)


def dyz_without_libyaml(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_LIBYAML, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "DYZ_LANG": "zh"},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_a_bundle_is_imported_where_pyyaml_has_no_libyaml(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    unit = ["--db", str(tmp_path / "unit.db")]
    dyz(*unit, "init", "--device-name", "周玉梅的电脑")
    dyz(*unit, "household", "add", "2-2-301", "--estate", "新芙蓉之都")
    dyz(*unit, "resident", "add", "2-2-301", "--name", "刘桂英", "--phone", "13812345678")
    bundle = tmp_path / "2-2单元.yaml"
    dyz(*unit, "export", "--all", "--plain", "-o", str(bundle))
    dyz("init", "--device-name", "社区办公室")
    done = dyz_without_libyaml("import", str(bundle))
    assert done.returncode == 0, done.stderr
    noted = [line for line in done.stderr.splitlines() if "libyaml" in line]
    assert len(noted) == 1 and "较慢" in noted[0]
    assert "新增" in done.stderr and "内部错误" not in done.stderr
    assert dyz_json("household", "show", "2-2-301")["residents"][0]["name"] == "刘桂英"


def test_a_bundle_that_is_not_utf8_is_refused_alike_without_libyaml(
    dyz: Runner, tmp_path: Path
) -> None:
    dyz("init", "--device-name", "社区办公室")
    bad = tmp_path / "坏的.yaml"
    bad.write_bytes(b"format: 5\nsender: \xff\xfe\n")
    done = dyz_without_libyaml("import", str(bad))
    assert done.returncode == 1, done.stderr
    assert "UTF-8" in done.stderr and "内部错误" not in done.stderr
