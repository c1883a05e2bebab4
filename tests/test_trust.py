"""Trust that no name, typo or altered copy can open a back door (issue 34, "trust"): names
bound to keys, no plain export by accident, joining from an empty laptop, tampering refused."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Runner, one_line_error, snapshot
from tests.test_hostile_bundles import bundle, office, reseal, write

__all__ = ["bundle", "office"]  # fixtures, used by name


# -- tampering is refused, whatever was imported before --------------------------------------


def test_an_altered_copy_of_a_bundle_imported_before_is_refused(
    dyz: Runner, office: Path, bundle: Path, tmp_path: Path
) -> None:
    dyz("import", str(bundle))
    assert "以前导入过了" in dyz("import", str(bundle)).stderr
    altered = write(
        tmp_path, bundle.read_text(encoding="utf-8").replace("13812345678", "13900000000")
    )
    before = snapshot(office)
    line = one_line_error(dyz("import", str(altered), code=1))
    assert "编号与内容不符" in line and "数据未作任何改动" in line
    assert "以前导入过" not in line
    assert snapshot(office) == before
    # resealed by a forger, it is not the sender's any more
    forged = write(tmp_path, reseal(altered.read_text(encoding="utf-8")), "forged.yaml")
    line = one_line_error(dyz("import", str(forged), code=1))
    assert "以前导入过" not in line and "数据未作任何改动" in line
    assert snapshot(office) == before
