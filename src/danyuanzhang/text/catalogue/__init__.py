"""The catalogue: every message key with its Chinese and English text. Chinese comes first.

Here are the messages any command may say; those of one kind of work are in a part of their own
(`today.py`, `visits.py`, `sync.py`…), read only when one of its messages is asked for: loading
every message would cost each command about a millisecond of its start-up. A key's part is told
by the word before its first underscore (`PARTS`); a key whose word names no part is here.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the database ------------------------------------------------------------------------
    "no_device": (
        "本机还没有设置，请先运行 dyz init。",
        "This laptop is not set up yet: run dyz init first.",
    ),
    "record_erased": (
        "这条记录已被删除抹去，不能再修改。",
        "This record has been erased and cannot be changed.",
    ),
    "words_erased": ("（内容已随住户一起抹去）", "(its words were erased with the household)"),
    # a visit of a household since erased: its unit, no room
    "erased_flat": ("{unit}（已删除的一户）", "{unit} (an erased flat)"),
    "territory_default": (
        "只看本机负责的{where}（看全部加 --all）",
        "Showing {where}, which this laptop looks after (--all for everything)",
    ),
    "not_set": ("（未设置）", "(not set)"),
    # a double-clicked dyz.exe that ended on an error (system/frozen.py)
    "press_enter_to_close": ("按回车键关闭窗口。", "Press Enter to close this window."),
    # -- the menu ------------------------------------------------------------------------------
    "ask_hazard": ("哪一处隐患？", "Which hazard?"),
    "ask_petition": ("哪一条诉求？", "Which need?"),
    "ask_role": ("什么职务？", "Which role?"),
    "ask_decision": ("议事会怎么决定的？", "What did the council decide?"),
    "yes_no_default_yes": ("（是／否，直接回车＝是）", " (yes/no, Enter = yes) "),
    "yes_no_default_no": ("（是／否，直接回车＝否）", " (yes/no, Enter = no) "),
    "yes_no_again": ("请回答“是”或“否”。", "Please answer yes or no."),
    # -- what people type ---------------------------------------------------------------------
    "where_needs_unit": (
        "“{text}”是哪个单元？这个小区不止一个单元，请在前面写上单元，如“2-2 {text}”。",
        "Which unit is “{text}” in? This estate has more than one: put the unit first, e.g."
        " “2-2 {text}”.",
    ),
    "date_in_future": (
        "{option} 的日期“{text}”是 {day}，这一天还没到。请写今天或以前的日子。",
        "The date “{text}” for {option} is {day}, which has not come yet: give today or an"
        " earlier day.",
    ),
    "empty_name": (
        "姓名不能为空，请用 --name 写上姓名。",
        "The name is empty: give one with --name.",
    ),
    "text_too_long": (
        "内容太长了，请控制在 {limit} 字以内。",
        "That text is too long: {limit} characters at most.",
    ),
    # -- estates and households ---------------------------------------------------------------
    "scope_notebook": ("本机记录", "This notebook"),
    "confirm_merge": (
        "把“{other}”并入“{keep}”？并入的一方所有记录都归到保留的一方，这个决定会传到别的电脑。",
        "Merge “{other}” into “{keep}”? Everything of the one merged in goes to the one kept; the decision travels to the other laptops.",
    ),
    "no_duplicates": ("没有发现可能重复的登记。", "No likely duplicates found."),
    "unit_outside_building": (
        "单元 {unit} 不在 {building} 栋，请只写 --unit 或改正楼栋。",
        "Unit {unit} is not in building {building}: give only --unit, or correct the building.",
    ),
    "nothing_to_change": (
        "没有要修改的内容，请写上要改的项，如 --phone。",
        "Nothing to change: give what should change, e.g. --phone.",
    ),
    "confirm_remove_household": (
        "删除 {estate} {ref} 并永久抹去其居民的信息？",
        "Remove {ref} of {estate} and erase its residents' data for good?",
    ),
    "no_residents": ("{ref} 还没有登记居民。", "No residents are recorded for {ref}."),
    # -- residents ------------------------------------------------------------------------------
    "ambiguous_id": (
        "编号 {id} 对应不止一条记录，请多写几位。",
        "The id {id} matches more than one record: type more of it.",
    ),
    "already_moved_out": ("{name} 已于 {on} 迁出。", "{name} already moved out on {on}."),
    "confirm_remove_resident": ("永久抹去居民 {name} 的信息？", "Erase {name}'s data for good?"),
    "not_confirmed": ("已取消，数据未动。", "Cancelled; nothing was changed."),
    # -- roster and card ------------------------------------------------------------------------
    "buildings_only_for_area": (
        "--buildings 只用于片长（写明片区包括哪些楼栋）。",
        "--buildings is only for an area head (the buildings the area covers).",
    ),
    "confirm_remove_member": (
        "从名册删除并抹去 {name} 的信息？",
        "Remove {name} from the roster and erase their details?",
    ),
    "colon": ("：", ": "),
    # -- output -----------------------------------------------------------------------------------
    "empty_list": ("（没有符合条件的记录）", "(nothing matches)"),
    "written_to": ("已写入 {path}", "Written to {path}"),
    "sheet_suffix": (
        "表格文件名要以 .xlsx 或 .csv 结尾（如 住户.xlsx）：{path}",
        "a spreadsheet's file name must end in .xlsx or .csv (such as households.xlsx): {path}",
    ),
    # -- hazards -------------------------------------------------------------------------------
    "due_or_days": ("--due 和 --days 只能选一个。", "Give either --due or --days, not both."),
    "due_before_found": (
        "期限 {due} 早于 {found}，请检查日期。",
        "The deadline {due} is before {found}; check the dates.",
    ),
    "withdraw_needs_reason": (
        '撤回要写明原因，例如 --reason "记错了户"。',
        'A withdrawal needs its reason, e.g. --reason "entered for the wrong flat".',
    ),
    # -- volunteers -------------------------------------------------------------------------------
    "confirm_remove_volunteer": (
        "删除志愿者 {name} 并永久抹去其个人信息？",
        "Erase the volunteer {name} and their personal data for good?",
    ),
    # -- mediation --------------------------------------------------------------------------------
    "not_a_dispute": (
        "诉求 {id} 不是“矛盾调解”类的，不能记调解经过。",
        "Petition {id} is not of the category mediation: it has no mediation to record.",
    ),
    "shared_space": ("{unit} 公共部位", "{unit} shared space"),
    # -- petitions -----------------------------------------------------------------------------
    "empty_petition": (
        "诉求内容不能为空，请用 --text 写上。",
        "The petition is empty: write it with --text.",
    ),
    "already_linked": ("这两条诉求已经合并过了。", "These two petitions are already linked."),
    "hours_without_volunteer": (
        "诉求 {id} 没有交给过志愿者，--hours 记不到谁名下。先 dyz petition assign {id} 志愿者，或去掉 --hours。",
        "Need {id} was never handed to a volunteer, so --hours has no one to go to. First dyz"
        " petition assign {id} VOLUNTEER, or leave out --hours.",
    ),
    "table_petition": ("诉求", "petition"),
    "table_proposal": ("建议", "proposal"),
    "empty_proposal": (
        "建议内容不能为空，请用 --text 写上。",
        "The proposal is empty: write it with --text.",
    ),
    "nothing_to_propose": (
        "这些诉求都不在“已上报”状态，没有可以形成建议的。",
        "None of these petitions is escalated: there is nothing to propose.",
    ),
    "already_decided": (
        "这条建议已于 {on} 有了决定（{decision}）。",
        "This proposal was already decided on {on} ({decision}).",
    ),
    "list_sep": ("；", "; "),
    # -- sync --------------------------------------------------------------------------------------
    "scope_unit": ("{estates} {name}单元", "unit {name} of {estates}"),
    "scope_building": ("{estates} {name}栋", "building {name} of {estates}"),
    "scope_unit_bare": ("{name}单元", "unit {name}"),
    "scope_building_bare": ("{name}栋", "building {name}"),
    "scope_area": ("{name}", "{name}"),
    "scope_estate": ("{name}", "{name}"),
    "scope_community": ("全社区", "the whole community"),
    "erased_traces_pending": (
        "另一个 dyz 窗口还开着这个工作本，抹去的内容还有一份留在它的临时记录里：关掉那个窗口，下次运行 dyz 时就清除干净。",
        "Another dyz window still has the notebook open, and a copy of what was erased is left"
        " in its log: close that window, and it is cleared the next time dyz runs.",
    ),
    "yes_word": ("是", "yes"),
    "no_word": ("否", "no"),
    "table_household": ("住户", "household"),
    "table_visit": ("走访", "visit"),
    "table_hazard": ("隐患", "hazard"),
    "field_flag": ("标记“{flag}”", "flag “{flag}”"),
    "value_empty": ("（空）", "(empty)"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    # -- failures -------------------------------------------------------------------------------
    "cancelled": ("已取消。", "Cancelled."),
    # -- issue 34, trust: names bound to keys, no plain export by accident, joining -----------
    "author_on_laptop": ("{author}（在 {laptop} 的电脑上）", "{author} (on the laptop {laptop})"),
    "author_on_named_laptop": ("{author}（在 {laptop} 上）", "{author} (on {laptop})"),
    # -- door-knocking visits ---------------------------------------------------------------
    "week_or_dates": (
        "--week 和 --from/--to 只能选一种。",
        "Give either --week or --from/--to, not both.",
    ),
    "dates_reversed": (
        "截止日期 {end} 早于起始日期 {start}，请对调。",
        "The end date {end} is before the start date {start}: swap them.",
    ),
    "no_draft": (
        "没有没答完的走访。开始新的走访：dyz visit",
        "There is no unfinished visit. Start one with: dyz visit",
    ),
    "due_reason_elderly_alone": ("独居老人，每 {days} 天", "lives alone, every {days} days"),
    "due_reason_needs_help": ("需帮扶，每 {days} 天", "needs help, every {days} days"),
    "due_reason_new_arrival": ("新迁入，{days} 天内", "new arrival, within {days} days"),
    "due_reason_default": ("每 {days} 天", "every {days} days"),
    "due_never": ("从未走访", "never visited"),
    "due_never_met": (
        "还没见到人（上次{outcome}，{last}）",
        "nobody met yet (last: {outcome}, {last})",
    ),
    "due_overdue": ("逾期 {days} 天（上次 {last}）", "{days} days overdue (last {last})"),
    "due_today": ("今天到期（上次 {last}）", "due today (last {last})"),
    "due_by": ("{on} 前", "by {on}"),
    # -- issue 33, care: wellbeing and the five areas for everyone the care ledger follows --
    "due_reason_risk_high": ("风险等级高，每 {days} 天", "high risk, every {days} days"),
    "due_reason_risk_medium": ("风险等级中，每 {days} 天", "medium risk, every {days} days"),
    "due_reason_risk_low": ("风险等级低，每 {days} 天", "low risk, every {days} days"),
    "risk_level_word": ("风险等级{risk}", "{risk} risk"),
}

# the first word of a key (`td_title`: td) and the part of the catalogue it is in
PARTS = {
    "td": "today",
    **dict.fromkeys(("rp", "wx"), "report"),
    **dict.fromkeys(
        ("iv", "visit", "walk", "af", "care", "help", "draft", "resume", "nobody", "config"),
        "visits",
    ),
    **dict.fromkeys(("ledger", "patrol", "template"), "ledgers"),
    **dict.fromkeys(
        (
            *("bundle", "export", "exported", "import", "imported", "members", "conflict"),
            *("peer", "office", "handover", "progress"),
        ),
        "sync",
    ),
    **dict.fromkeys(
        (
            *("doctor", "backup", "restore", "undo", "log", "demo", "init", "schema"),
            *("scratch", "examples", "own"),
        ),
        "upkeep",
    ),
    "roll": "rolls",
    "mn": "menu",
    **dict.fromkeys(("notice", "agenda", "card", "duties", "photo"), "papers"),
    **dict.fromkeys(("bad", "usage", "unknown", "did", "short"), "mistakes"),
    **dict.fromkeys(("db", "file", "cannot", "exposed", "internal"), "faults"),
    **dict.fromkeys(
        ("member", "volunteer", "volunteers", "service", "mediation", "match", "assign", "roster"),
        "people",
    ),
    **dict.fromkeys(("meeting", "proposal"), "council"),
    "col": "columns",
    **dict.fromkeys(("hazard", "step", "recurrence"), "hazards"),
    **dict.fromkeys(
        ("petition", "pstep", "need", "nearness", "link", "resolve", "referred"), "petitions"
    ),
    **dict.fromkeys(
        (
            *("household", "households", "resident", "residents", "dup", "flag", "merge"),
            *("move", "emergency"),
        ),
        "households",
    ),
}


def part_of(key: str) -> str | None:
    """The part of the catalogue that holds `key`; None for this one."""
    return PARTS.get(key.partition("_")[0])


def part_messages(part: str) -> dict[str, tuple[str, str]]:
    import importlib

    found: dict[str, tuple[str, str]] = importlib.import_module(f"{__name__}.{part}").MESSAGES
    return found


def all_messages() -> dict[str, tuple[str, str]]:
    """Every message, those of every part included."""
    every = dict(MESSAGES)
    for part in sorted(set(PARTS.values())):
        every.update(part_messages(part))
    return every
