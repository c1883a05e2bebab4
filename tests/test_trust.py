"""Trust that no name, typo or altered copy can open a back door (issue 34, "trust"): names
bound to keys, no plain export by accident, joining from an empty laptop, tampering refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

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


def test_the_very_bytes_of_a_bundle_checked_before_are_not_read_again(
    dyz: Runner, office: Path, bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Importing the same file twice is answered from its bytes' digest (the second import
    stays a small part of the first); a copy spelt otherwise is read whole and checked."""
    from danyuanzhang.sync import importing

    dyz("import", str(bundle))
    read: list[Path] = []
    checked = importing._check_unaltered
    monkeypatch.setattr(
        importing,
        "_check_unaltered",
        lambda source, path: read.append(path) or checked(source, path),
    )
    assert "以前导入过了" in dyz("import", str(bundle)).stderr
    assert read == []
    respelt = write(tmp_path, bundle.read_text(encoding="utf-8").replace("\n", "\r\n"), "crlf.yaml")
    assert "以前导入过了" in dyz("import", str(respelt)).stderr
    assert read == [respelt]
    assert "以前导入过了" in dyz("import", str(respelt)).stderr
    assert read == [respelt]  # checked once, its bytes known since


# -- joining from an empty laptop --------------------------------------------------------------


class Community:
    """An office named as offices are (芙蓉南路社区办公室) and unit heads' laptops."""

    OFFICE = "芙蓉南路社区办公室"

    def __init__(self, dyz: Runner, folder: Path) -> None:
        self.dyz = dyz
        self.folder = folder
        self.office = self.laptop(self.OFFICE, "--office")

    def laptop(self, name: str, *options: str) -> list[str]:
        db = ["--db", str(self.folder / f"{name}.db")]
        self.dyz(*db, "init", "--community", "芙蓉南路", "--device-name", name, *options)
        return db

    def join(self, name: str) -> list[str]:
        """A unit head's laptop registers a flat, hands its first bundle to the office in
        person (a request to join), is admitted, and takes the office's bundle."""
        import re

        db = self.laptop(name)
        said = self.dyz(*db, "init").stderr
        fingerprint = re.search(r"[0-9A-F]{4}(?:-[0-9A-F]{4}){3}", said)
        assert fingerprint is not None, said
        self.dyz(*db, "household", "add", "3-1-201", "--estate", "新芙蓉之都")
        request = self.folder / f"{name}-request.yaml"
        self.dyz(*db, "export", "--plain", "-o", str(request))
        self.dyz(*self.office, "import", str(request))
        self.dyz(*self.office, "members", "admit", name, "--fingerprint", fingerprint.group())
        self.dyz(*self.office, "import", str(request))
        welcome = self.folder / f"to-{name}.yaml"
        self.dyz(*self.office, "export", "--for", name, "-o", str(welcome))
        self.dyz(*db, "import", str(welcome))
        return db


def test_an_empty_laptop_asked_to_export_writes_a_request_to_join(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    community = Community(dyz, tmp_path)
    unit = community.laptop("3-1单元长")
    request = tmp_path / "入网请求.yaml"
    said = dyz(*unit, "export", "-o", str(request)).stderr
    assert "入网请求" in said and str(request) in said
    assert request.exists()
    text = request.read_text(encoding="utf-8")
    assert "3-1单元长" in text and "芙蓉南路" in text and "\nkey: " in text
    said = dyz(*community.office, "import", str(request)).stderr
    assert "“3-1单元长”" in said and "请求加入" in said
    [waiting] = dyz_json(*community.office, "members")["members"]
    assert waiting["name"] == "3-1单元长" and waiting["state"] == "requested"
    assert waiting["fingerprint"] in said


# -- no plain export by accident ---------------------------------------------------------------


def with_a_resident(dyz: Runner, db: list[str]) -> None:
    dyz(*db, "household", "add", "3-1-101", "--estate", "新芙蓉之都")
    dyz(*db, "resident", "add", "3-1-101", "--name", "陈桂兰", "--phone", "13812345678")


def refused_export(dyz: Runner, db: list[str], path: Path, *args: str) -> str:
    """`dyz export -o path ARGS` is refused: one line, no file, the notebook as it was."""
    before = snapshot(Path(db[1]))
    line = one_line_error(dyz(*db, "export", "-o", str(path), *args, code=1))
    assert not path.exists() and not list(path.parent.glob(f".{path.name}*"))
    assert snapshot(Path(db[1])) == before
    return line


def test_for_the_office_in_the_words_of_the_help_means_this_laptops_office(
    dyz: Runner, tmp_path: Path
) -> None:
    community = Community(dyz, tmp_path)
    unit = community.join("3-1单元长")
    with_a_resident(dyz, unit)
    for word in ("社区办公室", "office"):
        path = tmp_path / f"给{word}.yaml"
        said = dyz(*unit, "export", "--for", word, "-o", str(path)).stderr
        assert f"只有“{Community.OFFICE}”能打开" in said
        assert "13812345678" not in path.read_text(encoding="utf-8")
    said = dyz(*community.office, "import", str(tmp_path / "给office.yaml")).stderr
    assert "新增" in said


def test_a_name_never_heard_of_is_refused_with_the_names_known(dyz: Runner, tmp_path: Path) -> None:
    community = Community(dyz, tmp_path)
    unit = community.join("3-1单元长")
    with_a_resident(dyz, unit)
    line = refused_export(dyz, unit, tmp_path / "typo.yaml", "--for", "芙蓉南路办公室")
    assert "芙蓉南路办公室" in line and Community.OFFICE in line
    assert "--for 社区办公室" in line
    line = refused_export(dyz, unit, tmp_path / "stranger.yaml", "--for", "张三的电脑")
    assert "没有听说过“张三的电脑”" in line and f"已知的电脑：{Community.OFFICE}" in line
    assert "没有写文件" in line
    # at the office, the laptops it admitted are the names it knows
    line = refused_export(dyz, community.office, tmp_path / "o.yaml", "--for", "3-2单元长")
    assert "3-1单元长" in line


def test_a_laptop_of_no_office_is_told_to_ask_to_join_first(dyz: Runner, tmp_path: Path) -> None:
    unit = Community(dyz, tmp_path).laptop("3-1单元长")
    with_a_resident(dyz, unit)
    line = refused_export(dyz, unit, tmp_path / "o.yaml", "--for", "社区办公室")
    assert "还没有加入社区办公室" in line and "入网请求" in line


def test_a_plain_bundle_with_personal_data_is_written_only_with_plain(
    dyz: Runner, tmp_path: Path
) -> None:
    unit = Community(dyz, tmp_path).laptop("3-1单元长")
    with_a_resident(dyz, unit)
    for args in ((), ("--all",), ("--scope", "unit:3-1", "--estate", "新芙蓉之都")):
        line = refused_export(dyz, unit, tmp_path / "plain.yaml", *args)
        assert "没有加密" in line and "--plain" in line and "--redact" in line
    redacted = tmp_path / "redacted.yaml"
    dyz(*unit, "export", "--all", "--redact", "-o", str(redacted))
    assert "陈桂兰" not in redacted.read_text(encoding="utf-8")
    plain = tmp_path / "plain.yaml"
    said = dyz(*unit, "export", "--all", "--plain", "-o", str(plain)).stderr
    assert "没有加密" in said and "陈桂兰" in plain.read_text(encoding="utf-8")


def test_a_peer_whose_key_is_unknown_gets_no_plain_bundle_unless_asked(
    dyz: Runner, tmp_path: Path
) -> None:
    """A peer heard from only through an earlier, unsigned format: no key to encrypt to."""
    community = Community(dyz, tmp_path)
    one = community.laptop("甲")
    two = community.laptop("乙")
    dyz(*two, "import", str(_exported(dyz, one, tmp_path / "from-one.yaml")))
    conn = sqlite3.connect(two[1])
    conn.execute("DELETE FROM device_keys")  # as if 甲 had sent only unsigned bundles
    conn.commit()
    conn.close()
    with_a_resident(dyz, two)
    line = refused_export(dyz, two, tmp_path / "to-one.yaml", "--for", "甲")
    assert "不知道它的密钥" in line and "--plain" in line
    said = dyz(*two, "export", "--for", "甲", "--plain", "-o", str(tmp_path / "to-one.yaml"))
    assert "不知道它的密钥" in said.stderr


def _exported(dyz: Runner, db: list[str], path: Path) -> Path:
    dyz(*db, "household", "add", "9-9-901", "--estate", "新芙蓉之都")
    dyz(*db, "export", "--all", "--redact", "-o", str(path))
    return path


# -- names bound to keys -----------------------------------------------------------------------


def test_a_member_claiming_the_offices_name_is_refused(dyz: Runner, tmp_path: Path) -> None:
    community = Community(dyz, tmp_path)
    member = community.join("3-1单元长")
    dyz(*member, "init", "--device-name", Community.OFFICE)  # its own notebook lets it
    dyz(*member, "household", "add", "3-1-102", "--estate", "新芙蓉之都")
    bundle = tmp_path / "passing.yaml"
    dyz(*member, "export", "-o", str(bundle))
    before = snapshot(Path(community.office[1]))
    line = one_line_error(dyz(*community.office, "import", str(bundle), code=1))
    assert f"自称来自“{Community.OFFICE}”" in line and "“3-1单元长”" in line
    assert "数据未作任何改动" in line
    assert snapshot(Path(community.office[1])) == before


def test_a_laptop_is_shown_by_the_name_it_was_admitted_under(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    community = Community(dyz, tmp_path)
    member = community.join("3-1单元长")
    dyz(*member, "init", "--device-name", "随便起的名字")
    dyz(*member, "household", "add", "3-1-102", "--estate", "新芙蓉之都")
    bundle = tmp_path / "renamed.yaml"
    dyz(*member, "export", "-o", str(bundle))
    said = dyz(*community.office, "import", str(bundle)).stderr
    assert "（来自 3-1单元长）" in said and "随便起的名字" not in said
    assert [p["name"] for p in dyz_json(*community.office, "peers")] == ["3-1单元长"]
    theirs = [e for e in dyz_json(*community.office, "log") if e["laptop"] != Community.OFFICE]
    assert len(theirs) == 2 and {e["laptop"] for e in theirs} == {"3-1单元长"}


def test_the_author_is_shown_with_the_laptop_that_signed_it(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    community = Community(dyz, tmp_path)
    member = community.join("3-1单元长")
    dyz(*member, "--by", Community.OFFICE, "household", "add", "3-1-102", "--estate", "新芙蓉之都")
    dyz(*member, "--by", "王芳", "household", "add", "3-1-103", "--estate", "新芙蓉之都")
    bundle = tmp_path / "by.yaml"
    dyz(*member, "export", "-o", str(bundle))
    dyz(*community.office, "import", str(bundle))
    lines = dyz(*community.office, "log").stdout.splitlines()
    passing = [line for line in lines if "3-1-102" in line]
    assert passing and f"{Community.OFFICE}（在 3-1单元长 的电脑上）" in passing[0]
    assert any("王芳（在 3-1单元长 的电脑上）" in line and "3-1-103" in line for line in lines)
    by = {e["by"] for e in dyz_json(*community.office, "log")}
    assert "王芳（在 3-1单元长 的电脑上）" in by


def test_a_laptop_name_that_is_a_path_is_refused_at_init(dyz: Runner, db: Path) -> None:
    for name in ("../../../../x", "a\\b", "A" * 41, "甲\x1b[2J"):
        said = dyz("init", "--device-name", name, code=1).stderr
        assert "Traceback" not in said and "\x1b" not in said
        assert "名称" in said.splitlines()[-1]
    settings = dict(sqlite3.connect(db).execute("SELECT key, value FROM settings").fetchall())
    assert "device_id" not in settings


def test_a_sender_name_that_is_a_path_is_refused_at_import(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    community = Community(dyz, tmp_path)
    newcomer = community.laptop("3-1单元长")
    dyz(*newcomer, "household", "add", "3-1-201", "--estate", "新芙蓉之都")
    request = tmp_path / "request.yaml"
    dyz(*newcomer, "export", "--plain", "-o", str(request))
    text = request.read_text(encoding="utf-8").replace('"3-1单元长"', '"../../../../x"', 1)
    forged = write(tmp_path, reseal(text), "forged.yaml")
    before = snapshot(Path(community.office[1]))
    line = one_line_error(dyz(*community.office, "import", str(forged), code=1))
    assert "sender.name" in line and "../../../../x" not in line
    assert snapshot(Path(community.office[1])) == before
    assert dyz_json(*community.office, "members")["members"] == []


def test_a_conflict_names_each_author_with_the_laptop_that_signed_it(
    dyz: Runner, dyz_json, tmp_path: Path
) -> None:
    community = Community(dyz, tmp_path)
    one, two = community.laptop("甲"), community.laptop("乙")
    with_a_resident(dyz, one)
    start = tmp_path / "start.yaml"
    dyz(*one, "export", "--all", "--plain", "-o", str(start))
    dyz(*two, "import", str(start))
    who = dyz_json(*one, "household", "show", "3-1-101")["residents"][0]["id"]
    dyz(*one, "resident", "edit", who[:8], "--phone", "13900001111")
    dyz(*two, "--by", "王芳", "resident", "edit", who[:8], "--phone", "13900002222")
    back = tmp_path / "back.yaml"
    dyz(*two, "export", "--for", "甲", "-o", str(back))
    dyz(*one, "import", str(back))
    [conflict] = dyz_json(*one, "conflicts")
    shown = dyz_json(*one, "conflicts", "show", conflict["id"])
    assert {v["by"] for v in shown["values"]} == {"甲", "王芳（在 乙 的电脑上）"}


def test_an_envelope_naming_its_laptop_as_a_path_is_refused_unprinted(
    dyz: Runner, tmp_path: Path
) -> None:
    community = Community(dyz, tmp_path)
    unit = community.join("3-1单元长")
    with_a_resident(dyz, unit)
    sealed = tmp_path / "sealed.yaml"
    dyz(*unit, "export", "--for", "office", "-o", str(sealed))
    text = sealed.read_text(encoding="utf-8")
    altered = text.replace(f'"{Community.OFFICE}"', '"../../../../x"', 1)
    assert altered != text
    stranger = community.laptop("路人的电脑")
    before = snapshot(Path(stranger[1]))
    line = one_line_error(
        dyz(*stranger, "import", str(write(tmp_path, altered, "altered.yaml")), code=1)
    )
    assert "../../../../x" not in line and "数据未作任何改动" in line
    assert snapshot(Path(stranger[1])) == before
