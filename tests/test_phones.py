"""One masker for every output meant for others: phones however they were typed are masked,
other numbers are left alone."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import phonenumbers
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumber, PhoneNumberFormat, PhoneNumberType

from danyuanzhang.text.inputs import parse_phone
from danyuanzhang.text.phones import mask_phone, mask_phones_in, masks_apart, spaced_phone

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
# Chinese text with no digit in it, as a petition is written around a phone
words = st.text(alphabet="王大爷请打电话找李阿姨座机楼道灯坏了，。：、（）！ 家里没人", max_size=12)


@st.composite
def mobiles(draw: st.DrawFn) -> tuple[str, str]:
    """(the number as digits, as it was typed)."""
    digits = (
        "1" + draw(st.sampled_from("3456789")) + draw(st.from_regex(r"[0-9]{9}", fullmatch=True))
    )
    a, b, c = digits[:3], digits[3:7], digits[7:]
    typed = draw(
        st.sampled_from(
            [
                digits,
                f"{a} {b} {c}",
                f"{a}-{b}-{c}",
                f"{a}.{b}.{c}",
                f"+86 {digits}",
                f"+86-{a}-{b}-{c}",
                f"86{digits}",
                f"0086 {a} {b} {c}",
                digits.translate(FULL_WIDTH),
                f"{a} {b} {c}".translate(FULL_WIDTH),
            ]
        )
    )
    return digits, typed


@st.composite
def landlines(draw: st.DrawFn) -> tuple[str, str]:
    """(the local number as digits, as it was typed, with or without its area code)."""
    area = draw(st.sampled_from(["010", "021", "0731", "0755", "0371"]))
    local = draw(st.sampled_from("2345678")) + draw(st.from_regex(r"[0-9]{6,7}", fullmatch=True))
    # 0731-****0000 shows the area code beside the last four digits: a local number that is
    # those digits run together (7310000) would be "found" in it by coincidence, not leaked
    assume(local not in f"{area}{local[-4:]}")
    typed = draw(
        st.sampled_from(
            [
                f"{area}-{local}",
                f"{area}{local}",
                f"({area}){local}",
                f"（{area}）{local}",
                f"({area}){local[:-4]} {local[-4:]}",
                f"（{area}）{local}".translate(FULL_WIDTH),
                f"{area} {local[:-4]} {local[-4:]}",
                local,
                f"{local[:-4]}-{local[-4:]}",
                f"{area}-{local}".translate(FULL_WIDTH),
            ]
        )
    )
    return local, typed


def digits_of(text: str) -> str:
    return re.sub(
        r"[^0-9]", "", text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    )


# a number glued to the words around it: 王5551234, 电话(0731)8888 1234转
glued = st.text(alphabet="王李座机电话打找转：，。（）", min_size=1, max_size=3)


@example("王", ("5551234", "5551234"), "")
@example("座机", ("88881234", "(0731)8888 1234"), "转")
@given(st.one_of(words, glued), st.one_of(mobiles(), landlines()), st.one_of(words, glued))
def test_no_phone_survives_however_it_was_typed(
    before: str, phone: tuple[str, str], after: str
) -> None:
    number, typed = phone
    masked = mask_phones_in(f"{before}{typed}{after}")
    assert number not in digits_of(masked), masked
    assert digits_of(masked).endswith(number[-4:]), masked  # enough to recognise it
    assert masked.startswith(before) and masked.endswith(after)


CHINA = phonenumbers.PhoneMetadata.metadata_for_region("CN")
# every way libphonenumber writes a number: +8673185551234, +86 731 8555 1234, 0731 8555 1234,
# tel:+86-731-8555-1234, and dialled from abroad, 00 86 731 8555 1234
WRITTEN: list[Callable[[PhoneNumber], str]] = [
    *(
        lambda number, way=way: phonenumbers.format_number(number, way)
        for way in (
            PhoneNumberFormat.E164,
            PhoneNumberFormat.INTERNATIONAL,
            PhoneNumberFormat.NATIONAL,
            PhoneNumberFormat.RFC3966,
        )
    ),
    lambda number: phonenumbers.format_out_of_country_calling_number(number, "HK"),
]


@st.composite
def libphonenumber_phones(draw: st.DrawFn) -> tuple[str, str]:
    """(the national number, as libphonenumber writes it): a mobile or a landline drawn from
    libphonenumber's own patterns of Chinese numbers, not from ours."""
    kind = draw(st.sampled_from([CHINA.mobile, CHINA.fixed_line]))
    pattern = re.compile(kind.national_number_pattern, re.ASCII)
    national = draw(st.from_regex(pattern, fullmatch=True))
    number = phonenumbers.parse(f"+86{national}")
    assume(phonenumbers.is_valid_number(number))
    if kind is CHINA.fixed_line:
        # five or six digits after the area code are services (95555 a bank, 12345 the
        # government's hotline), not a household's line
        area = phonenumbers.length_of_geographical_area_code(number)
        assume(len(national) - area >= 7)
    return national, draw(st.sampled_from(WRITTEN))(number)


@settings(max_examples=400)
@given(words, libphonenumber_phones(), words)
def test_every_way_libphonenumber_writes_a_chinese_phone_is_masked(
    before: str, phone: tuple[str, str], after: str
) -> None:
    number, written = phone
    masked = mask_phones_in(f"{before}{written}{after}")
    assert number not in digits_of(masked), masked
    assert digits_of(masked).endswith(number[-4:]), masked
    assert masked.startswith(before) and masked.endswith(after)


@pytest.mark.parametrize(
    ("kind", "masked"),
    [(PhoneNumberType.MOBILE, "131****6789"), (PhoneNumberType.FIXED_LINE, "010-****5678")],
)
@pytest.mark.parametrize("written", WRITTEN)
def test_libphonenumber_s_own_example_numbers_are_masked_as_it_writes_them(
    kind: int, masked: str, written: Callable[[PhoneNumber], str]
) -> None:
    """+86 131 2345 6789, 131 2345 6789, +861012345678, tel:+86-10-1234-5678, 00 86 10 1234
    5678: libphonenumber's example numbers for China, in each of its formats, glued to text."""
    number = phonenumbers.example_number_for_type("CN", kind)
    typed = written(number)
    assert (
        mask_phones_in(f"王大爷{typed}，谢谢")
        == f"王大爷{typed[: typed.index('+')] if typed.startswith('tel:') else ''}{masked}，谢谢"
    )


@pytest.mark.parametrize(
    ("typed", "masked"),
    [
        ("王5551234", "王****1234"),
        ("王５５５１２３４", "王****1234"),
        ("(0731)8888 1234", "0731-****1234"),
        ("座机（0731）88881234转", "座机0731-****1234转"),
        ("（０７３１）８８８８　１２３４", "0731-****1234"),
        ("电话:(010)6234-5678。", "电话:010-****5678。"),
        ("请打5551234或13812345678", "请打****1234或138****5678"),
        ("李阿姨１３８ １２３４ ５６７８家里没人", "李阿姨138****5678家里没人"),
    ],
)
def test_a_phone_glued_to_the_words_around_it_is_masked(typed: str, masked: str) -> None:
    assert mask_phones_in(typed) == masked


def test_a_landline_written_from_abroad_is_masked_like_one_written_at_home() -> None:
    written = "+86 731 8555 1234；+8673185551234；tel:+86-731-8555-1234；00 86 10 6234 5678"
    assert mask_phones_in(written) == (
        "0731-****1234；0731-****1234；tel:0731-****1234；010-****5678"
    )


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
# between two numbers, a word: numbers run together are one number
apart = st.text(alphabet="户人次年月日号栋单元室楼，。的了在", min_size=1, max_size=4)
ordinary = st.one_of(
    days.map(lambda d: d.isoformat()),
    days.map(lambda d: f"{d.year}年{d.month}月{d.day}日"),
    days.map(lambda d: f"{d.month}月{d.day}日"),
    days.map(lambda d: d.strftime("%Y%m%d")),
    st.tuples(st.integers(1, 99), st.integers(1, 9), st.integers(101, 3399)).map(
        lambda f: f"{f[0]}-{f[1]}-{f[2]}"
    ),
    st.tuples(st.integers(1, 99), st.integers(1, 9), st.integers(101, 3399)).map(
        lambda f: f"{f[0]}栋{f[1]}单元{f[2]}室"
    ),
    st.integers(0, 99999).map(lambda n: f"{n}户"),
    st.integers(1900, 2100).map(str),
    st.integers(0, 99999).map(str),
)


@given(st.lists(st.tuples(apart, ordinary), max_size=5), words)
def test_dates_flats_counts_and_years_are_left_alone(
    parts: list[tuple[str, str]], end: str
) -> None:
    text = "".join(w + n for w, n in parts) + end
    assert mask_phones_in(text) == text


def test_a_kept_phone_is_masked_by_its_kind() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("073185551234") == "0731-****1234"
    assert mask_phone("01062345678") == "010-****5678"
    assert mask_phone("85551234") == "****1234"
    assert mask_phone(None) == mask_phone("") == ""
    # a short number shows its last four, or is all stars when it has no more than four
    assert mask_phone("12345") == "****2345"
    assert mask_phone("1234") == "****" and mask_phone("123") == "***"
    # an area code needs seven digits after it to be one
    assert mask_phone("07315551234") == "0731-****1234"
    assert mask_phone("07311234") == "****1234"
    assert mask_phone("0731555123") == "****5123"


def test_a_day_written_as_eight_digits_is_passed_over_and_the_phone_after_it_masked() -> None:
    assert mask_phones_in("20261201，13812345678") == "20261201，138****5678"
    assert mask_phones_in("20261301，85551234") == "****1301，****1234"


def test_a_kept_phone_is_spaced_to_be_read_aloud() -> None:
    assert spaced_phone("13907310202") == "139 0731 0202"
    assert spaced_phone("073185551234") == "0731-8555 1234"
    assert spaced_phone("01062345678") == "010-6234 5678"
    assert spaced_phone("07315551234") == "0731-555 1234"
    assert spaced_phone("85551234") == "8555 1234"
    assert spaced_phone("5551234") == "555 1234"
    assert spaced_phone(None) == spaced_phone("") == ""
    # what is not a phone as kept is written as it is
    # an area code with fewer than seven digits after it is not one
    assert spaced_phone("0731555") == "073 1555"
    for odd in ("12345", "123456789012", "95555", "1390731020", "234567890"):
        assert spaced_phone(odd) == odd


kept_phones = st.one_of(
    mobiles().map(lambda phone: phone[0]),
    st.tuples(st.sampled_from(["", "010", "021", "0731", "0755"]), landlines()).map(
        lambda phone: phone[0] + phone[1][0]
    ),
)


@given(kept_phones)
def test_a_spaced_phone_is_the_phone_kept_with_spaces_and_a_dash(kept: str) -> None:
    """A mobile is spaced 3-4-4; a landline is its area code and a dash, and the local number
    with a space before its last four digits."""
    assert parse_phone(kept) == kept
    spaced = spaced_phone(kept)
    assert spaced.replace(" ", "").replace("-", "") == kept
    if kept.startswith("1"):
        assert [len(group) for group in spaced.split(" ")] == [3, 4, 4]
    else:
        assert spaced.endswith(f" {kept[-4:]}") and spaced.count(" ") == 1
        assert spaced.count("-") == (1 if kept.startswith("0") else 0)


def test_the_faults_the_issue_names() -> None:
    typed = "王大爷138 1234 5678；138-1234-5678；+86 13812345678；１３８１２３４５６７８；座机0731-85551234；85551234"
    assert mask_phones_in(typed) == (
        "王大爷138****5678；138****5678；138****5678；138****5678；座机0731-****1234；****1234"
    )


TYPED = (
    "王大爷138 1234 5678",
    "小李138-1234-5678",
    "+86 13912345678",
    "１３７１２３４５６７８",
    "座机0731-85551234",
    "物业85552345",
)
IN_FULL = ("13812345678", "13912345678", "13712345678", "85551234", "85552345")


def test_no_output_for_the_council_holds_a_phone_in_full(dyz, dyz_json, estate: str) -> None:
    """The faults of issue 15: the agenda in every format and the report's JSON printed phones
    typed with spaces, dashes, +86, full-width digits, and landlines."""
    dyz("init", "--community", "芙蓉南路社区")
    for n, text in enumerate(TYPED):
        said = dyz("petition", "add", "2-2-301", "--category", "停车", "--text", f"楼下停车，{text}",
                   "--on", f"2026-11-0{n + 2}").stderr  # fmt: skip
        petition = said.split("编号 ")[1][:8]
        dyz("petition", "escalate", petition, "--to", "议事会", "--on", "2026-11-10")
    outputs = [
        dyz("council", "agenda", "--date", "2026-11-26", "--format", fmt).stdout
        for fmt in ("table", "md", "html", "json")
    ]
    outputs.append(dyz("report", "--week", "2026-11-26", "--format", "json").stdout)
    for fmt in ("html", "text", "md"):
        outputs.append(dyz("report", "--week", "2026-11-26", "--format", fmt).stdout)
    outputs.append(dyz("council", "agenda", "--date", "2026-11-26", "--format", "text").stdout)
    for kind in ("needs", "council"):
        outputs.append(dyz("ledger", kind, "--from", "2026-11-01", "--to", "2026-11-30",
                           "-f", "json").stdout)  # fmt: skip
    for output in outputs:
        for number in IN_FULL:
            assert number not in digits_of(output), output
    assert "138****5678" in outputs[0] and "0731-****1234" in outputs[3]


def test_a_landline_written_from_abroad_is_masked_in_the_council_s_agenda(
    dyz, dyz_json, estate: str
) -> None:
    """Issue 34: +86 731 8555 1234, +8673185551234 and tel:+86-731-8555-1234 went out whole."""
    dyz("init", "--community", "芙蓉南路社区")
    for n, written in enumerate(("+86 731 8555 1234", "+8673185564321", "tel:+86-731-8557-1111")):
        said = dyz("petition", "add", "2-2-301", "--category", "环境卫生", "--text",
                   f"夜里施工，请回电{written}", "--on", f"2026-11-0{n + 2}").stderr  # fmt: skip
        dyz(
            "petition",
            "escalate",
            said.split("编号 ")[1][:8],
            "--to",
            "议事会",
            "--on",
            "2026-11-10",
        )
    outputs = [
        dyz("council", "agenda", "--date", "2026-11-26", "--format", fmt).stdout
        for fmt in ("table", "md", "html", "json", "text")
    ]
    outputs.append(dyz("report", "--week", "2026-11-26", "--format", "json").stdout)
    for output in outputs:
        for number in ("73185551234", "73185564321", "73185571111"):
            assert number not in digits_of(output), output
    assert "0731-****1234" in outputs[3] and "0731-****1111" in outputs[3]


def test_numbers_masked_alike_are_told_apart_only_among_themselves() -> None:
    assert masks_apart(["13812342000", "13856782000", "13912342000"]) == [
        "1381***2000",
        "1385***2000",
        "139****2000",
    ]
    assert masks_apart(["13800000000", "13812342000", "13856782000"]) == [
        "138****0000",
        "1381***2000",
        "1385***2000",
    ]
    # local numbers: the digits before the last four are the ones told apart
    assert masks_apart(["5551234", "5561234"]) == ["**51234", "**61234"]
