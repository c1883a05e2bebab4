"""The messages of what was typed and cannot be read: a value, an option, a command, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the database ------------------------------------------------------------------------
    "short_help": (
        "dyz：单元长的工作本。\n"
        "  dyz today          今天该做的\n"
        "  dyz visit          入户走访（一问一答）\n"
        "  dyz hazard add     登记隐患\n"
        "  dyz report --week  上周汇总，带去议事会\n"
        "在终端里只输入 dyz 会打开菜单；全部命令见 dyz --help。",
        "dyz: the unit head's notebook.\n"
        "  dyz today          what to do today\n"
        "  dyz visit          a door-knocking visit, question by question\n"
        "  dyz hazard add     record a hazard\n"
        "  dyz report --week  last week's report, for the council\n"
        "Typed alone in a terminal, dyz opens a menu; dyz --help lists every command.",
    ),
    # -- what people type ---------------------------------------------------------------------
    "bad_ref": (
        "房号“{text}”看不懂。请写成 楼栋-单元-房号，如 2-2-301。",
        "Cannot read the household “{text}”. Write building-unit-room, e.g. 2-2-301.",
    ),
    "bad_unit": (
        "单元“{text}”看不懂。请写成 楼栋-单元，如 2-2。",
        "Cannot read the unit “{text}”. Write building-unit, e.g. 2-2.",
    ),
    "bad_building": (
        "楼栋“{text}”看不懂。请写楼栋号，如 2。",
        "Cannot read the building “{text}”. Write its number, e.g. 2.",
    ),
    "bad_date": (
        "{option} 的日期“{text}”看不懂。可以写 今天、昨天、上周五、11月20日 或 2026-11-20。",
        "The date “{text}” for {option} is not a day I can read. Write today, yesterday,"
        " 20 Nov as 11-20, or 2026-11-20.",
    ),
    "unknown_word": (
        "不认识{what}“{text}”。{near}可选：{known}。{more}",
        "Unknown {what} “{text}”. {near}Choose one of: {known}.{more}",
    ),
    "did_you_mean": (
        "是不是想写{words}？",
        "Did you mean {words}? ",
    ),
    "bad_name": (
        "名称“{text}”太长或含有不可见字符，请重新输入（不超过 40 字）。",
        "The name “{text}” is too long or has invisible characters; type it again (40 at most).",
    ),
    "bad_phone": (
        "电话“{text}”不对。手机是 11 位数字（如 13812345678），座机写区号和号码（如 0731-85551234）。",
        "The phone “{text}” is not a number: a mobile has 11 digits (13812345678), a landline"
        " its area code and number (0731-85551234).",
    ),
    "bad_born": (
        "出生年份“{text}”不对，请写四位年份，1900 到 {this_year} 之间，如 1948。",
        "The birth year “{text}” is wrong: write four digits between 1900 and {this_year}, e.g. 1948.",
    ),
    "bad_text": (
        "内容里有不可见的控制字符（在“{where}”处），请重新输入。",
        "The text holds invisible control characters (at “{where}”); type it again.",
    ),
    # -- estates and households ---------------------------------------------------------------
    "unknown_estate": (
        "没有叫“{estate}”的小区。已有的小区：{known}",
        "There is no estate called “{estate}”. Known estates: {known}",
    ),
    # -- flags ----------------------------------------------------------------------------------
    "unknown_flag": (
        "不认识标记“{flag}”。{near}可用的标记：{known}。新的标记请先用 dyz flag add 添加。",
        "Unknown flag “{flag}”. {near}Flags: {known}. Define a new one first with dyz flag add.",
    ),
    "bad_flag_code": (
        "标记代码“{code}”不合适：请用小写英文字母、数字和下划线，如 low_income。",
        "The flag code “{code}” won't do: use lower-case letters, digits and _, e.g. low_income.",
    ),
    # -- roster and card ------------------------------------------------------------------------
    "bad_buildings": (
        "楼栋“{text}”看不懂，请写成 1-4 或 1,2,5。",
        "Cannot read the buildings “{text}”; write 1-4 or 1,2,5.",
    ),
    # -- hazards -------------------------------------------------------------------------------
    "bad_days": (
        "天数 {days} 不对，请写 0 到 365 之间。",
        "{days} days will not do: give 0 to 365.",
    ),
    "bad_recurrence_days": (
        "天数 {days} 不对，请写 1 到 3650 之间。",
        "{days} days will not do: give 1 to 3650.",
    ),
    # -- mediation --------------------------------------------------------------------------------
    "bad_hours": (
        "时长“{text}”看不懂：请写小时数，大于 0、不超过 24，如 --hours 1.5 或 --hours 90分钟。",
        "Hours “{text}” cannot be read: give more than 0 and at most 24, e.g. --hours 1.5 or"
        " --hours 90min.",
    ),
    "bad_notice_format": (
        "格式“{format}”不对，可选 txt 或 html。",
        "Format “{format}” is not txt or html.",
    ),
    "bad_paper": (
        "纸张“{paper}”不对，可选 a4 或 a5。",
        "Paper “{paper}” is not a4 or a5.",
    ),
    # -- petitions -----------------------------------------------------------------------------
    "bad_agenda_format": (
        "格式“{format}”不对，可选 table、md、html、json、text。",
        "Format “{format}” is not table, md, html, json or text.",
    ),
    # -- sync --------------------------------------------------------------------------------------
    "bad_scope": (
        "范围“{scope}”看不懂：请写 2-2（单元）、2栋（楼栋）、片区:片区名称、小区:小区名称 或 全社区。",
        "Cannot read the scope “{scope}”: write 2-2 (a unit), building:2, area:NAME, estate:NAME"
        " or community.",
    ),
    "unknown_area": (
        "名册里没有叫“{area}”的片区（片长的负责楼栋要先登记）。用 dyz roster list --role area_head 查看。",
        "No area called “{area}” on the roster (with its buildings). See dyz roster list --role area_head.",
    ),
    # -- how a command is typed ----------------------------------------------------------------
    "usage_missing": (
        "少了 {what}。写法见：{command} --help",
        "{what} is missing. See: {command} --help",
    ),
    "usage_no_option": (
        "{command} 没有 {option} 这个选项。写法见：{command} --help",
        "{command} has no option {option}. See: {command} --help",
    ),
    "usage_choice": (
        "{what} 只能是：{allowed}。写法见：{command} --help",
        "{what} must be one of: {allowed}. See: {command} --help",
    ),
    "usage_bad_value": (
        "{what} 的值不对：{detail}。写法见：{command} --help",
        "Wrong value for {what}: {detail}. See: {command} --help",
    ),
    "usage_no_command": (
        "没有 {name} 这个命令。所有命令见：{command} --help",
        "There is no command {name}. All commands: {command} --help",
    ),
    "usage_extra": (
        "多写了 {extra}（有空格的内容请加引号）。写法见：{command} --help",
        "Unexpected {extra} (put quotes around text with spaces). See: {command} --help",
    ),
    "usage_other": ("{detail}。写法见：{command} --help", "{detail}. See: {command} --help"),
    # -- h-text: how a command is typed, and counts, said without click's English -------------
    "bad_count": (
        "“{text}”不是一个数，请写如 3、三、十五 或 两",
        "“{text}” is not a number: write e.g. 3 or 15",
    ),
    "usage_missing_argument": (
        "少了{what}，请写在命令后面：{usage}。写法见：{command} --help",
        "Missing {what}: give it after the command, as in {usage}. See: {command} --help",
    ),
    "usage_missing_option": (
        "少了{what}，请加上 {option}。写法见：{command} --help",
        "Missing {what}: add {option}. See: {command} --help",
    ),
    "usage_needs_value": (
        "{option} 后面要写上{what}。写法见：{command} --help",
        "{option} needs a value: {what}. See: {command} --help",
    ),
    "usage_takes_no_value": (
        "{option} 后面不用写值，单写 {option} 就行。写法见：{command} --help",
        "{option} takes no value; write {option} alone. See: {command} --help",
    ),
    "usage_no_option_guess": (
        "{command} 没有 {option} 这个选项，是不是 {guess}？写法见：{command} --help",
        "{command} has no option {option}; did you mean {guess}? See: {command} --help",
    ),
    "usage_no_command_guess": (
        "没有 {name} 这个命令，是不是 {guess}？所有命令见：{command} --help",
        "There is no command {name}; did you mean {guess}? All commands: {command} --help",
    ),
    "usage_wrong_value": (
        "{what} 的值不对。写法见：{command} --help",
        "Wrong value for {what}. See: {command} --help",
    ),
    "usage_wrong": (
        "这条命令的写法不对。写法见：{command} --help",
        "This command is not written right. See: {command} --help",
    ),
    # -- issue 34, trust: names bound to keys, no plain export by accident, joining -----------
    "bad_laptop_name": (
        "电脑名称“{text}”不能用：不能含 / 或 \\，不能含不可见字符，不超过 40 字。",
        "The laptop name “{text}” cannot be used: no / or \\, no invisible characters, 40"
        " characters at most.",
    ),
    # -- door-knocking visits ---------------------------------------------------------------
    "bad_week": (
        "{option} 的“{text}”不是一周：请写 2026-W48 这样的周，或这一周里的任一天，如 2026-11-26。",
        "{option} “{text}” is not a week: write an ISO week such as 2026-W48, or any day in it,"
        " such as 2026-11-26.",
    ),
    "bad_yes_no": (
        "{option} 只能是 yes 或 no（是/否），不是“{text}”。",
        "{option} takes yes or no, not “{text}”.",
    ),
    "bad_pair": (
        '{option} 的“{text}”少了“{sep}”：写法如 {option} "维修{sep}楼道灯坏了"。',
        '{option} “{text}” needs a “{sep}”, e.g. {option} "repair{sep}stairwell light broken".',
    ),
    # -- the weekly report ---------------------------------------------------------------------
    "bad_report_format": (
        "报告格式只能是 table、md、csv、json 或 html。",
        "The report's format is table, md, csv, json or html.",
    ),
}
