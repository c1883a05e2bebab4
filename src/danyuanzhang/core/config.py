"""This laptop's settings a unit head may change: visit cadences, the recurrence window, the
name of the person using it, the short name numbering notices, the phones on the card, the
council's day. They stay on this laptop; they are not records and do not travel.

>>> set_value(store, "visit.cadence.elderly_alone", "5")  # doctest: +SKIP
>>> value(store, "visit.cadence.elderly_alone")  # doctest: +SKIP
5
"""

from __future__ import annotations

from typing import Any

from danyuanzhang.errors import DyzError
from danyuanzhang.system.tuples import Record
from danyuanzhang.text.i18n import LANGUAGE_SETTING

_LANGUAGE_WORDS = dict.fromkeys(("zh", "中文", "汉语", "chinese"), "zh") | dict.fromkeys(
    ("en", "英文", "英语", "english"), "en"
)


class Key(Record):
    setting: str  # the row in the settings table
    default: Any
    # "days", "weekday" (1 Monday … 7 Sunday), "households", "name", "phone" or "language"
    kind: str
    help_zh: str
    help_en: str


KEYS: dict[str, Key] = {
    "language": Key(
        LANGUAGE_SETTING,
        None,
        "language",
        "界面语言：zh 中文，en 英文（不设则用中文，除非系统是别的语言；--lang 和 DYZ_LANG 优先）",
        "interface language: zh or en (unset: Chinese unless the system's locale is another"
        " language; --lang and DYZ_LANG come first)",
    ),
    "visit.cadence.elderly_alone": Key(
        "cadence_elderly_alone",
        7,
        "days",
        "独居老人几天走访一次",
        "days between visits: lives alone",
    ),
    "visit.cadence.needs_help": Key(
        "cadence_needs_help", 14, "days", "需帮扶的几天走访一次", "days between visits: needs help"
    ),
    "visit.cadence.new_arrival": Key(
        "cadence_new_arrival",
        7,
        "days",
        "新迁入几天内要走访",
        "days after moving in to visit a new arrival",
    ),
    "visit.cadence.default": Key(
        "cadence_default", 90, "days", "其他住户几天走访一次", "days between visits: everyone else"
    ),
    "antifraud.new_arrival_days": Key(
        "antifraud_new_arrival_days",
        30,
        "days",
        "反诈：新迁入按几天内计算",
        "anti-fraud watch: how recent a move-in counts",
    ),
    "hazard.recurrence_days": Key(
        "recurrence_days",
        90,
        "days",
        "同类隐患几天内再现算回潮",
        "days within which a hazard's return is a recurrence",
    ),
    "patrol.interval_days": Key(
        "patrol_interval_days",
        7,
        "days",
        "每个单元几天防火巡查一次",
        "days between fire patrols of a unit",
    ),
    "privacy.retention_days": Key(
        "retention_days",
        365,
        "days",
        "居民迁出多少天后，dyz doctor 提议抹去其信息",
        "days after a resident moved out before dyz doctor proposes erasing them",
    ),
    "council.weekday": Key(
        "council_weekday",
        1,
        "weekday",
        "议事会每周哪天开（1＝周一 … 7＝周日，也可写“周三”）；只写 --week 的周报是开会前的七天",
        "the council's day (1 Monday … 7 Sunday); a bare --week reports the seven days before it",
    ),
    "me.name": Key(
        "visitor_name",
        None,
        "name",
        "用这台电脑的人（走访人、巡查人、填表人；默认本机名）",
        "who uses this laptop (visitor, patroller, who filled in a ledger; default: its name)",
    ),
    "notice.code": Key(
        "notice_code",
        None,
        "name",
        "整改通知书编号用的社区简称，如“芙南”（默认取社区名称的头两个字）",
        "the community's short name numbering its notices, e.g. 芙南 (default: its first two characters)",
    ),
    "card.property_phone": Key(
        "card_property_phone",
        None,
        "phone",
        "物业电话（印在服务牌上）",
        "property management's phone, for the card",
    ),
    "card.office_phone": Key(
        "card_office_phone",
        None,
        "phone",
        "社区居委会电话（印在服务牌上）",
        "community office's phone, for the card",
    ),
    "sync.erasures_unseen": Key(
        "erasures_unseen",
        5,
        "households",
        "另一台电脑在一段时间内最多可以直接删除本机几户；再多的暂缓执行，等人核实后用 --accept-erasures 执行",
        "households another laptop may erase here unseen within the window; beyond, they are"
        " held until a person runs --accept-erasures",
    ),
    "sync.erasure_window_days": Key(
        "erasure_window_days",
        7,
        "days",
        "上一项按几天计算",
        "the window, in days, of sync.erasures_unseen",
    ),
}


# names a key had before: still understood, never listed
_FORMER_NAMES = {"visitor.name": "me.name"}


def _key(name: str) -> Key:
    key = KEYS.get(_FORMER_NAMES.get(name.strip(), name.strip()))
    if key is None:
        raise DyzError("config_unknown_key", key=name, known=", ".join(KEYS))
    return key


# a setting that is a count: (its least, its most, the message refusing another)
_COUNTS = {"days": (1, 3650, "config_bad_days"), "households": (0, 1000, "config_bad_households")}


def _count(name: str, text: str, least: int, most: int, refusal: str) -> int:
    from danyuanzhang.text.inputs import parse_count

    try:
        count = parse_count(text)
    except DyzError:
        raise DyzError(refusal, key=name, value=text) from None
    if not least <= count <= most:
        raise DyzError(refusal, key=name, value=text)
    return count


def parse(name: str, text: str) -> Any:
    key = _key(name)
    if key.kind in _COUNTS:
        return _count(name, text, *_COUNTS[key.kind])
    if key.kind == "weekday":
        return _weekday(name, text)
    if key.kind == "language":
        said = _LANGUAGE_WORDS.get(text.strip().lower())
        if said is None:
            raise DyzError("config_bad_language", key=name, value=text)
        return said
    if key.kind == "phone":
        from danyuanzhang.text.inputs import parse_phone

        return parse_phone(text)
    from danyuanzhang.text.inputs import parse_name

    return parse_name(text)


def value(store: Any, name: str) -> Any:
    key = _key(name)
    stored = store.setting(key.setting)
    if stored is None:
        return key.default
    return int(stored) if key.kind in ("days", "weekday", "households") else stored


_WEEKDAY_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7}
_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday(name: str, text: str) -> int:
    """1 (Monday) to 7 (Sunday), from 3, 周三, 星期三, 礼拜三 or Wednesday."""
    import re
    import unicodedata

    cleaned = unicodedata.normalize("NFKC", text).strip().lower()
    if cleaned.isascii() and cleaned.isdigit() and 1 <= int(cleaned) <= 7:
        return int(cleaned)
    said = re.fullmatch(r"(?:周|星期|礼拜)?([一二三四五六日天七])", cleaned)
    if said:
        return _WEEKDAY_WORDS[said.group(1)]
    english = next((n for n, day in enumerate(_WEEKDAY_NAMES, 1) if cleaned.startswith(day)), None)
    if english is not None and len(cleaned) >= 3:
        return english
    raise DyzError("config_bad_weekday", key=name, value=text)


def set_value(store: Any, name: str, text: str) -> Any:
    parsed = parse(name, text)
    store.set_setting(_key(name).setting, str(parsed))
    return parsed


def unset(store: Any, name: str) -> Any:
    key = _key(name)
    store.delete_setting(key.setting)
    return key.default


def listing(store: Any) -> list[dict[str, Any]]:
    from danyuanzhang.text.i18n import pick

    return [
        {
            "key": name,
            "value": value(store, name),
            "default": key.default,
            "changed": store.setting(key.setting) is not None,
            "meaning": pick(key.help_zh, key.help_en),
        }
        for name, key in KEYS.items()
    ]


def cadences(store: Any) -> dict[str, int]:
    """Days between visits, by the reason a household is visited."""
    from danyuanzhang.text.vocab import RISK_CADENCE

    return {
        **{
            reason: int(value(store, f"visit.cadence.{reason}"))
            for reason in ("elderly_alone", "needs_help", "new_arrival", "default")
        },
        # the care policy's, by the risk level the community set (weekly, monthly, quarterly)
        **{f"risk_{level}": days for level, days in RISK_CADENCE.items()},
    }
