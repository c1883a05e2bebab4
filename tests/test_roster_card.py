"""The 三长一户 roster and the stairwell service card it prints."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from tests.conftest import Runner, one_line_error, snapshot

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@pytest.fixture
def roster(dyz: Runner, estate: str) -> None:
    dyz(
        "roster",
        "add",
        "--role",
        "area_head",
        "--name",
        "李秀兰",
        "--phone",
        "13907310001",
        "--scope",
        "第一片区",
        "--buildings",
        "1-3",
    )
    dyz(
        "roster",
        "add",
        "--role",
        "楼栋长",
        "--name",
        "罗淑珍",
        "--phone",
        "13907310012",
        "--scope",
        "2",
    )
    dyz(
        "roster",
        "add",
        "--role",
        "unit_head",
        "--name",
        "周玉梅",
        "--phone",
        "13907310202",
        "--scope",
        "2-2",
        "--duties",
        "入户走访、排查隐患",
    )
    dyz(
        "roster",
        "add",
        "--role",
        "household_rep",
        "--name",
        "罗淑珍",
        "--phone",
        "13907310012",
        "--scope",
        "2-2-301",
    )


def test_roster_json_and_one_person_in_several_roles(dyz_json, roster: None) -> None:
    members = dyz_json("roster", "list")
    assert [(m["role"], m["name"], m["scope"]) for m in members] == [
        ("area_head", "李秀兰", "第一片区"),
        ("building_head", "罗淑珍", "2"),
        ("unit_head", "周玉梅", "2-2"),
        ("household_rep", "罗淑珍", "2-2-301"),
    ]
    assert members[0]["buildings"] == ["1", "2", "3"]
    assert members[2]["duties"] == "入户走访、排查隐患"
    assert set(members[0]) == {
        "id",
        "role",
        "name",
        "phone",
        "estate",
        "scope",
        "buildings",
        "duties",
        "photo",
    }
    assert [m["name"] for m in dyz_json("roster", "list", "--role", "单元长")] == ["周玉梅"]


def test_card_text_is_exact(dyz: Runner, roster: None) -> None:
    assert dyz("card", "--unit", "2-2").stdout == (
        "============================================\n"
        "  芙蓉南路社区 · 新芙蓉之都\n"
        "  2栋2单元  单元长服务牌\n"
        "============================================\n"
        "\n"
        "  片长：李秀兰\n"
        "      电话：139 0731 0001\n"
        "      职责：统筹片区事务，协调解决居民诉求\n"
        "\n"
        "  楼栋长：罗淑珍\n"
        "      电话：139 0731 0012\n"
        "      职责：联系本栋各单元，收集上报居民诉求\n"
        "\n"
        "  单元长：周玉梅\n"
        "      电话：139 0731 0202\n"
        "      职责：入户走访、排查隐患\n"
        "\n"
        "--------------------------------------------\n"
        "  常用电话\n"
        "      火警：119\n"
        "      急救：120\n"
        "      报警：110\n"
        "--------------------------------------------\n"
        "  有困难、有诉求、发现隐患，请随时联系我们！\n"
    )


def test_the_card_carries_the_property_s_and_the_office_s_phones(
    dyz: Runner, roster: None, tmp_path: Path
) -> None:
    dyz("config", "set", "card.property_phone", "0731-85551234")
    dyz("config", "set", "card.office_phone", "0731 8555 6789")
    card = dyz("card", "--unit", "2-2").stdout
    assert "物业：0731-8555 1234\n      社区居委会：0731-8555 6789\n      火警：119" in card
    assert "电话“12”不对" in one_line_error(dyz("config", "set", "card.office_phone", "12", code=1))
    page = tmp_path / "a4.html"
    dyz("card", "--unit", "2-2", "-f", "html", "--paper", "a4", "-o", str(page))
    text = page.read_text(encoding="utf-8")
    assert "size: A4" in text and "<b>119</b>" in text and "<b>0731-8555 1234</b>" in text
    assert "a4 或 a5" in one_line_error(dyz("card", "--unit", "2-2", "--paper", "b5", code=1))


def test_missing_roles_are_named_plainly(dyz: Runner, roster: None) -> None:
    card = dyz("card", "--unit", "3-1").stdout
    assert "楼栋长：待定" in card and "单元长：待定" in card and "片长：李秀兰" in card
    outside = dyz("card", "--unit", "5-1").stdout
    assert "片长：待定" in outside
    english = dyz("--lang", "en", "card", "--unit", "3-1").stdout
    assert (
        "Building head: to be appointed" in english
        and "Building 3, Unit 1  Service Card" in english
    )


def test_card_markdown(dyz: Runner, roster: None) -> None:
    md = dyz("card", "--unit", "2-2", "--format", "md").stdout
    assert md.startswith("# 2栋2单元 单元长服务牌\n")
    assert "## 单元长：周玉梅" in md and "- 电话：**139 0731 0202**" in md


def test_card_html_is_one_self_contained_a5_page(
    dyz: Runner, dyz_json, roster: None, tmp_path: Path
) -> None:
    photo = tmp_path / "zhou.png"
    photo.write_bytes(PNG)
    member = next(m for m in dyz_json("roster", "list") if m["name"] == "周玉梅")
    dyz("roster", "edit", member["id"][:8], "--photo", str(photo))
    target = tmp_path / "服务牌.html"
    result = dyz("card", "--unit", "2-2", "--format", "html", "-o", str(target))
    assert str(target) in result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "size: A5" in page
    assert "data:image/jpeg;base64," in page  # every photo is kept as a JPEG
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert "周玉梅" in page and "139 0731 0202" in page


def test_names_are_escaped_in_html(dyz: Runner, estate: str) -> None:
    dyz(
        "roster",
        "add",
        "--role",
        "unit_head",
        "--name",
        "<b>王</b>",
        "--phone",
        "13900000000",
        "--scope",
        "2-2",
    )
    page = dyz("card", "--unit", "2-2", "--format", "html").stdout
    assert "&lt;b&gt;王&lt;/b&gt;" in page and "<b>王" not in page


def test_roster_edit_and_remove(dyz: Runner, dyz_json, roster: None) -> None:
    member = next(m for m in dyz_json("roster", "list") if m["name"] == "周玉梅")
    dyz("roster", "edit", member["id"][:8], "--phone", "13907319999", "--scope", "2-1")
    edited = next(m for m in dyz_json("roster", "list") if m["id"] == member["id"])
    assert (edited["phone"], edited["scope"]) == ("13907319999", "2-1")
    assert "单元长：待定" in dyz("card", "--unit", "2-2").stdout
    dyz("roster", "remove", member["id"][:8], "--yes")
    assert member["id"] not in [m["id"] for m in dyz_json("roster", "list")]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            (
                "roster",
                "add",
                "--role",
                "mayor",
                "--name",
                "王",
                "--phone",
                "13900000000",
                "--scope",
                "2-2",
            ),
            "mayor",
        ),
        (
            (
                "roster",
                "add",
                "--role",
                "unit_head",
                "--name",
                "王",
                "--phone",
                "139",
                "--scope",
                "2-2",
            ),
            "电话",
        ),
        (
            (
                "roster",
                "add",
                "--role",
                "unit_head",
                "--name",
                "王",
                "--phone",
                "13900000000",
                "--scope",
                "二",
            ),
            "楼栋-单元",
        ),
        (
            (
                "roster",
                "add",
                "--role",
                "building_head",
                "--name",
                "王",
                "--phone",
                "13900000000",
                "--scope",
                "2",
                "--buildings",
                "1-3",
            ),
            "--buildings",
        ),
        (
            (
                "roster",
                "add",
                "--role",
                "unit_head",
                "--name",
                "周玉梅",
                "--phone",
                "13907310202",
                "--scope",
                "2-2",
            ),
            "已在名册",
        ),
        (
            (
                "roster",
                "add",
                "--role",
                "unit_head",
                "--name",
                "王",
                "--phone",
                "13900000000",
                "--scope",
                "2-2",
                "--photo",
                "nope.jpg",
            ),
            "nope.jpg",
        ),
        (("roster", "edit", "ffff", "--name", "x"), "找不到"),
        (("card", "--unit", "2"), "楼栋-单元"),
    ],
)
def test_bad_roster_input(
    dyz: Runner, db: Path, roster: None, args: tuple[str, ...], words: str
) -> None:
    before = snapshot(db)
    assert words in one_line_error(dyz(*args, code=1))
    assert snapshot(db) == before


def test_a_photo_that_is_not_a_picture_is_refused(dyz: Runner, estate: str, tmp_path: Path) -> None:
    fake = tmp_path / "photo.jpg"
    fake.write_text("not a picture")
    line = one_line_error(
        dyz(
            "roster",
            "add",
            "--role",
            "unit_head",
            "--name",
            "王",
            "--phone",
            "13900000000",
            "--scope",
            "2-2",
            "--photo",
            str(fake),
            code=1,
        )
    )
    assert "不是 JPG" in line


def test_roster_import(dyz: Runner, dyz_json, estate: str, tmp_path: Path) -> None:
    csv_file = tmp_path / "名册.csv"
    csv_file.write_text(
        "角色,姓名,电话,小区,范围,负责楼栋,职责\n单元长,周玉梅,13907310202,新芙蓉之都,2-2,,\n"
        "片长,李秀兰,13907310001,新芙蓉之都,第一片区,1-3,\n",
        encoding="gbk",
    )
    assert "新增 2 人" in dyz("roster", "import", str(csv_file)).stderr
    assert "新增 0 人，已有 2 人" in dyz("roster", "import", str(csv_file)).stderr
    assert len(dyz_json("roster", "list")) == 2
