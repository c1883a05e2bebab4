"""The catalogue: every message key with its Chinese and English text. Chinese comes first.

Here are the messages any command may say; those of one kind of work are in a part of their own
(`today.py`, `visits.py`, `sync.py`…), read only when one of its messages is asked for: loading
every message would cost each command about a millisecond of its start-up. A key's part is told
by the word before its first underscore (`PARTS`); a key whose word names no part is here.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the database ------------------------------------------------------------------------
    "db_created": ("已新建工作本数据库：{path}", "Created a new dyz database: {path}"),
    "db_cannot_create": (
        "无法建立数据库 {path}：{reason}。请检查文件夹是否存在、是否可写，或用 --db 指定其他位置。",
        "Cannot create the database {path}: {reason}. Check the folder is writable, or choose"
        " another place with --db.",
    ),
    "db_is_folder": (
        "{path} 是一个文件夹，不是数据库文件。请用 --db 指定一个文件，如 --db 工作本.db",
        "{path} is a folder, not a database file. Give a file with --db, e.g. --db dyz.db",
    ),
    "db_not_dyz": (
        "{path} 不是 dyz 的数据库，未作任何改动。请用 --db 指定 dyz 的数据库文件。",
        "{path} is not a dyz database; nothing was changed. Give a dyz database with --db.",
    ),
    "db_too_new": (
        "数据库 {path} 来自更新版本的 dyz（格式 {version}，本程序只认识到 {supported}）。"
        "未作任何改动，请升级 dyz 后再用。",
        "The database {path} was made by a newer dyz (format {version}; this one knows up to"
        " {supported}). Nothing was changed: please upgrade dyz.",
    ),
    "db_disk_full": (
        "磁盘满了：{folder} 只剩 {free}，dyz 要用约 {need}。工作本没有改动；"
        "请删掉一些不要的文件（或换个有空间的地方）再试。",
        "The disk is full: {folder} has {free} left and dyz needs about {need}. The"
        " notebook is unchanged; free some space (or use a place with room) and try again.",
    ),
    "file_disk_full": (
        "磁盘满了，{path} 没有写成（{folder} 只剩 {free}），也没有留下写了一半的文件。请腾出空间，或换个地方（比如另一个 U 盘）再试。",
        "The disk is full: {path} was not written ({folder} has {free} left), and no half-written"
        " file was left. Free some space, or write it elsewhere (another USB stick), and retry.",
    ),
    "db_busy": (
        "另一个 dyz（或别的程序）正占着这个工作本（{path}），等了 {seconds} 秒还没放开。"
        "工作本没有改动；请关掉另一个 dyz 窗口，或等它做完再试。",
        "Another dyz (or another program) is holding this notebook ({path}) and has not let go"
        " in {seconds} seconds. The notebook is unchanged; close the other dyz window, or wait"
        " for it, and try again.",
    ),
    "db_waiting": (
        "另一个 dyz 正在写这个工作本，等它写完（最多一分钟）……",
        "Another dyz is writing this notebook; waiting for it (up to a minute)…",
    ),
    "db_read_only": (
        "工作本 {path} 是只读的（文件或所在文件夹不允许写入），这次没有改动。"
        "请把它复制到可写的地方（比如自己的文档文件夹），再用 --db 指过去。",
        "The notebook {path} is read-only (the file or its folder cannot be written); nothing"
        " was changed. Copy it somewhere writable (your Documents, say) and point --db at it.",
    ),
    "db_damaged": (
        "工作本 {path} 损坏了（文件内容不完整或被改坏）。请不要删除它；"
        "运行 dyz doctor 检查，或用 dyz restore 从备份恢复。",
        "The notebook {path} is damaged (its content is incomplete or corrupted). Do not"
        " delete it: run dyz doctor to look, or dyz restore to bring back a backup.",
    ),
    "db_empty_file": (
        "{path} 是一个空文件（0 字节），里面没有工作本，也许是一次没复制完的拷贝。"
        "没有新建任何东西。要从备份恢复：dyz restore 备份文件；要重新开始：先删掉这个空文件，再运行 dyz init。",
        "{path} is an empty file (0 bytes), with no notebook in it: perhaps a copy that did not"
        " finish. Nothing was created. To restore a backup: dyz restore FILE; to start afresh,"
        " delete the empty file, then run dyz init.",
    ),
    "db_io_error": (
        "读写工作本 {path} 时磁盘出错，这次没有改动。请检查 U 盘或硬盘是否插好，再试一次；"
        "反复出错时运行 dyz doctor。",
        "The disk failed while dyz read or wrote the notebook {path}; nothing was changed."
        " Check the USB stick or disk is in place and try again; if it keeps failing, run"
        " dyz doctor.",
    ),
    "db_failed": (
        "工作本 {path} 出了问题（{code}），这次没有改动。请运行 dyz doctor 检查。",
        "Something went wrong with the notebook {path} ({code}); nothing was changed. Run"
        " dyz doctor to look.",
    ),
    "file_not_found": (
        "找不到文件 {path}。请检查文件名和位置。",
        "There is no file {path}: check its name and folder.",
    ),
    "cannot_read": ("无法读取 {path}：{reason}", "Cannot read {path}: {reason}"),
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
    "hazard_place_empty": (
        '请写出隐患在哪里，如 --where "2-2 5楼窗口"。',
        'Say where the hazard is, e.g. --where "2-2 5th-floor window".',
    ),
    "hazard_nothing_to_change": (
        "没有要修改的内容：请写上要改的项，如 --where、--household、--note 或 --due。",
        "Nothing to change: say what to correct, e.g. --where, --household, --note or --due.",
    ),
    "hazard_edited": ("隐患 {id} 已改好。", "Hazard {id} corrected."),
    "not_set": ("（未设置）", "(not set)"),
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
    # -- the menu ------------------------------------------------------------------------------
    "household_which": (
        "“{text}”对得上好几户：{refs}。请写全房号，如 {first}。",
        "“{text}” matches several households: {refs}. Write the full reference, e.g. {first}.",
    ),
    "ask_hazard": ("哪一处隐患？", "Which hazard?"),
    "ask_petition": ("哪一条诉求？", "Which need?"),
    "ask_role": ("什么职务？", "Which role?"),
    "ask_decision": ("议事会怎么决定的？", "What did the council decide?"),
    "yes_no_default_yes": ("（是／否，直接回车＝是）", " (yes/no, Enter = yes) "),
    "yes_no_default_no": ("（是／否，直接回车＝否）", " (yes/no, Enter = no) "),
    "yes_no_again": ("请回答“是”或“否”。", "Please answer yes or no."),
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
    "where_needs_unit": (
        "“{text}”是哪个单元？这个小区不止一个单元，请在前面写上单元，如“2-2 {text}”。",
        "Which unit is “{text}” in? This estate has more than one: put the unit first, e.g."
        " “2-2 {text}”.",
    ),
    "unknown_word": (
        "不认识{what}“{text}”。{near}可选：{known}。{more}",
        "Unknown {what} “{text}”. {near}Choose one of: {known}.{more}",
    ),
    "service_kind_to_add": (
        "社区自己的服务请先添加：dyz volunteer kind-add 英文代号 --zh {text}",
        " A service of the community's own is added first: dyz volunteer kind-add CODE --zh {text}.",
    ),
    "hazard_kind_to_add": (
        "社区自己的隐患类别请先添加：dyz hazard kind-add 英文代号 --zh {text}",
        " A kind of the community's own is added first: dyz hazard kind-add CODE --zh {text}.",
    ),
    "did_you_mean": (
        "是不是想写{words}？",
        "Did you mean {words}? ",
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
    "text_too_long": (
        "内容太长了，请控制在 {limit} 字以内。",
        "That text is too long: {limit} characters at most.",
    ),
    "bad_text": (
        "内容里有不可见的控制字符（在“{where}”处），请重新输入。",
        "The text holds invisible control characters (at “{where}”); type it again.",
    ),
    # -- estates and households ---------------------------------------------------------------
    "scope_notebook": ("本机记录", "This notebook"),
    "unknown_estate": (
        "没有叫“{estate}”的小区。已有的小区：{known}",
        "There is no estate called “{estate}”. Known estates: {known}",
    ),
    "need_estate_first": (
        "还没有登记任何小区，请用 --estate 写上小区名，如 --estate 新芙蓉之都。",
        "No estate is registered yet: name it with --estate, e.g. --estate 新芙蓉之都.",
    ),
    "need_estate": (
        "有好几个小区，请用 --estate 指明是哪一个：{known}",
        "There are several estates; say which with --estate: {known}",
    ),
    "household_not_found": (
        "{estate} 没有登记 {ref} 这一户。先用 dyz household add {ref} 登记，或用 dyz household list 查看。",
        "Household {ref} is not registered in {estate}. Register it with dyz household add {ref},"
        " or see dyz household list.",
    ),
    "household_id_not_found": (
        "找不到编号以 {id} 开头的住户。请用房号（如 2-2-301）或 dyz household list 里的编号。",
        "No household id starts with {id}. Use a reference like 2-2-301 or an id from dyz household list.",
    ),
    "confirm_merge": (
        "把“{other}”并入“{keep}”？并入的一方所有记录都归到保留的一方，这个决定会传到别的电脑。",
        "Merge “{other}” into “{keep}”? Everything of the one merged in goes to the one kept; the decision travels to the other laptops.",
    ),
    "households_merged": (
        "已合并：{other} 并入 {keep}（编号 {id}）。走访、诉求、隐患和居民都归到这一户；两边都填了的项以保留的一户为准。",
        "Merged: {other} into {keep} (id {id}). Its visits, petitions, hazards and residents now belong to it; where both had a value, the kept one's stands.",
    ),
    "residents_merged": (
        "已合并：{other} 并入 {keep}（编号 {id}）；两边都填了的项以保留的一方为准。",
        "Merged: {other} into {keep} (id {id}); where both had a value, the kept one's stands.",
    ),
    "no_duplicates": ("没有发现可能重复的登记。", "No likely duplicates found."),
    "dup_names_one_apart": ("同户居民名字差一个字", "names one character apart"),
    "dup_same_phone": ("两户有同一个电话", "one phone in two households"),
    "dup_same_address": ("同一房号登记了两户", "one address registered twice"),
    "dup_petitions_alike": ("同户同类诉求（14 天内）", "alike needs of one household"),
    "col_duplicate": ("可能重复", "likely duplicate"),
    "col_command": ("合并命令", "command"),
    "household_twice": (
        "{estate} 的 {ref} 登记了两户（编号 {ids}），可能是两台电脑各改了一户的房号。请先合并：dyz household merge {keep} {other} --yes",
        "{ref} of {estate} is registered twice (ids {ids}), perhaps corrected apart on two laptops. Merge them first: dyz household merge {keep} {other} --yes",
    ),
    "resident_exists": (
        "{ref} 已经登记了 {name}（编号 {id}）。要修改请用 dyz resident edit {id}。",
        "{name} is already registered at {ref} (id {id}). To change them use dyz resident edit {id}.",
    ),
    "merge_itself": (
        "这两个已经是同一条记录了，不用合并。",
        "These two are one record already: nothing to merge.",
    ),
    "household_exists": (
        "{estate} 的 {ref} 已经登记过了，可用 dyz household show {ref} 查看。",
        "Household {ref} of {estate} is already registered: see dyz household show {ref}.",
    ),
    "unit_outside_building": (
        "单元 {unit} 不在 {building} 栋，请只写 --unit 或改正楼栋。",
        "Unit {unit} is not in building {building}: give only --unit, or correct the building.",
    ),
    "nothing_to_change": (
        "没有要修改的内容，请写上要改的项，如 --phone。",
        "Nothing to change: give what should change, e.g. --phone.",
    ),
    "household_added": (
        "已登记：{estate} {ref}（编号 {id}）",
        "Registered {ref} of {estate} (id {id})",
    ),
    "household_updated": ("已修改：{estate} {ref}", "Updated {ref} of {estate}"),
    "household_removed": (
        "已删除 {estate} {ref}，并抹去了 {residents}的个人信息（包括修改记录），无法恢复。",
        "Removed {ref} of {estate} and erased the personal data of {residents}, history"
        " included. This cannot be undone.",
    ),
    "household_kept_without_words": (
        "它的 {count} 条走访、诉求和隐患记录留在统计里，其中的文字和备注已抹去。",
        "Its {count} visits, needs and hazards stay in the figures, with their words and notes"
        " erased.",
    ),
    "confirm_remove_household": (
        "删除 {estate} {ref} 并永久抹去其居民的信息？",
        "Remove {ref} of {estate} and erase its residents' data for good?",
    ),
    "no_residents": ("{ref} 还没有登记居民。", "No residents are recorded for {ref}."),
    # -- residents ------------------------------------------------------------------------------
    "resident_not_found": (
        "找不到编号以 {id} 开头的居民。编号可在 dyz household show 房号 中查到。",
        "No resident id starts with {id}. Ids are shown by dyz household show REF.",
    ),
    "ambiguous_id": (
        "编号 {id} 对应不止一条记录，请多写几位。",
        "The id {id} matches more than one record: type more of it.",
    ),
    "already_moved_out": ("{name} 已于 {on} 迁出。", "{name} already moved out on {on}."),
    "move_out_before_in": (
        "迁出日期 {on} 早于迁入日期 {moved_in}，请检查日期。",
        "The move-out date {on} is before the move-in date {moved_in}; check the dates.",
    ),
    "resident_added": (
        "已登记居民 {name}（{ref}，编号 {id}）",
        "Added resident {name} to {ref} (id {id})",
    ),
    "resident_updated": ("已修改居民 {name} 的信息", "Updated {name}"),
    "resident_moved_out": (
        "已登记 {name} 于 {on} 迁出（记录保留）",
        "{name} moved out on {on} (kept in the history)",
    ),
    "resident_removed": (
        "已删除居民 {name}，其个人信息（包括修改记录）已抹去，无法恢复。",
        "Removed {name}; their personal data, history included, is erased and cannot be recovered.",
    ),
    "confirm_remove_resident": ("永久抹去居民 {name} 的信息？", "Erase {name}'s data for good?"),
    "need_yes": (
        "删除会永久抹去个人信息。确认要删，请加上 --yes。",
        "Removing erases personal data for good. To go ahead, add --yes.",
    ),
    "not_confirmed": ("已取消，数据未动。", "Cancelled; nothing was changed."),
    # -- flags ----------------------------------------------------------------------------------
    "unknown_flag": (
        "不认识标记“{flag}”。{near}可用的标记：{known}。新的标记请先用 dyz flag add 添加。",
        "Unknown flag “{flag}”. {near}Flags: {known}. Define a new one first with dyz flag add.",
    ),
    "bad_flag_code": (
        "标记代码“{code}”不合适：请用小写英文字母、数字和下划线，如 low_income。",
        "The flag code “{code}” won't do: use lower-case letters, digits and _, e.g. low_income.",
    ),
    "flag_exists": ("标记 {code} 已经有了。", "The flag {code} already exists."),
    "flag_added": ("已添加标记 {code}", "Added the flag {code}"),
    # -- roster and card ------------------------------------------------------------------------
    "bad_buildings": (
        "楼栋“{text}”看不懂，请写成 1-4 或 1,2,5。",
        "Cannot read the buildings “{text}”; write 1-4 or 1,2,5.",
    ),
    "buildings_only_for_area": (
        "--buildings 只用于片长（写明片区包括哪些楼栋）。",
        "--buildings is only for an area head (the buildings the area covers).",
    ),
    "photo_unreadable": (
        "读不到照片文件 {path}，请检查路径。",
        "Cannot read the photo {path}; check the path.",
    ),
    "photo_too_big": (
        "照片 {path} 太大（最多 {limit_kb} KB），请先缩小。",
        "The photo {path} is too big ({limit_kb} KB at most); make it smaller first.",
    ),
    "photo_not_image": (
        "{path} 不是 JPG、PNG 或 GIF 图片。",
        "{path} is not a JPG, PNG or GIF picture.",
    ),
    "member_exists": (
        "{name} 已在名册中负责 {scope}。",
        "{name} is already on the roster for {scope}.",
    ),
    "member_not_found": (
        "名册里找不到编号以 {id} 开头的人，编号见 dyz roster list。",
        "No roster entry id starts with {id}; see dyz roster list.",
    ),
    "member_added": (
        "已登记{role} {name}（{scope}，编号 {id}）",
        "Added {role} {name} for {scope} (id {id})",
    ),
    "member_updated": ("已修改 {name} 的名册信息", "Updated {name} on the roster"),
    "member_removed": (
        "已将 {name} 从名册删除，其信息已抹去。",
        "Removed {name} from the roster; their details are erased.",
    ),
    "confirm_remove_member": (
        "从名册删除并抹去 {name} 的信息？",
        "Remove {name} from the roster and erase their details?",
    ),
    "roster_imported": (
        "名册导入完成：新增 {added} 人，已有 {present} 人。",
        "Roster imported: {added} added, {present} already there.",
    ),
    "colon": ("：", ": "),
    # -- the roll (花名册) ----------------------------------------------------------------------
    "need_roll_file": (
        "请写上花名册文件，如 dyz household import 花名册.csv；要空白模板请加 --template。",
        "Give the roll file, e.g. dyz household import roll.csv; for an empty one add --template.",
    ),
    "file_too_big": (
        "文件 {path} 太大（最多 {limit_mb} MB）。",
        "The file {path} is too big ({limit_mb} MB at most).",
    ),
    "file_unreadable": (
        "读不到文件 {path}，请检查路径。",
        "Cannot read the file {path}; check the path.",
    ),
    "file_encoding": (
        "文件 {path} 的编码无法识别，请在 Excel 中另存为“CSV UTF-8”。",
        "Cannot tell the encoding of {path}; save it from Excel as “CSV UTF-8”.",
    ),
    # -- issue 35: rolls read within bounds -------------------------------------------------
    "file_not_regular": (
        "{path} 不是普通文件（是文件夹、设备或管道），读不了：请给出文件本身，如 花名册.xlsx。",
        "{path} is not an ordinary file (a folder, a device or a pipe) and cannot be read:"
        " give the file itself, such as roll.xlsx.",
    ),
    # -- output -----------------------------------------------------------------------------------
    "empty_list": ("（没有符合条件的记录）", "(nothing matches)"),
    "written_to": ("已写入 {path}", "Written to {path}"),
    "exposed_removable": (
        "提醒：{path} 里有居民的个人信息，存在 U 盘或存储卡上，谁拿到都能打开；交到社区后请从盘上删掉。",
        "Mind: {path} holds residents' personal data on a USB stick or card, which anyone holding"
        " it can open; delete it from there once it has reached the office.",
    ),
    "exposed_desktop": (
        "提醒：{path} 里有居民的个人信息，放在桌面上，坐到这台电脑前的人都能看到；用完请删掉。",
        "Mind: {path} holds residents' personal data on the Desktop, where anyone at this laptop"
        " sees it; delete it when done.",
    ),
    "cannot_write": ("无法写入 {path}：{reason}", "Cannot write {path}: {reason}"),
    "sheet_suffix": (
        "表格文件名要以 .xlsx 或 .csv 结尾（如 住户.xlsx）：{path}",
        "a spreadsheet's file name must end in .xlsx or .csv (such as households.xlsx): {path}",
    ),
    "col_id": ("编号", "id"),
    "col_ref": ("房号", "household"),
    "col_estate": ("小区", "estate"),
    "col_residents": ("人数", "residents"),
    "col_flags": ("标记", "flags"),
    "col_name": ("姓名", "name"),
    "col_phone": ("电话", "phone"),
    "col_born": ("出生", "born"),
    "col_moved_in": ("迁入", "moved in"),
    "col_moved_out": ("迁出", "moved out"),
    "col_note": ("备注", "note"),
    "col_services": ("服务项目", "services"),
    "col_lives_at": ("住在", "lives at"),
    "col_volunteer": ("志愿者", "volunteer"),
    "col_service": ("服务内容", "service"),
    "col_area": ("服务范围", "area"),
    "col_available": ("能帮忙的时间", "available"),
    "col_served": ("服务对象", "for"),
    "col_hours": ("时长（小时）", "hours"),
    "col_role": ("角色", "role"),
    "col_scope": ("范围", "scope"),
    "col_fingerprint": ("密钥指纹", "key fingerprint"),
    "col_code": ("代码", "code"),
    "col_label_zh": ("中文", "Chinese"),
    "col_label_en": ("英文", "English"),
    # -- hazards -------------------------------------------------------------------------------
    "due_or_days": ("--due 和 --days 只能选一个。", "Give either --due or --days, not both."),
    "bad_days": (
        "天数 {days} 不对，请写 0 到 365 之间。",
        "{days} days will not do: give 0 to 365.",
    ),
    "due_before_found": (
        "期限 {due} 早于 {found}，请检查日期。",
        "The deadline {due} is before {found}; check the dates.",
    ),
    "step_before_found": (
        "日期 {on} 早于发现日期 {found}。",
        "The date {on} is before the hazard was found ({found}).",
    ),
    "hazard_not_found": (
        "找不到编号以 {id} 开头的隐患，见 dyz hazard list。",
        "No hazard id starts with {id}; see dyz hazard list.",
    ),
    "step_refused_notified": (
        "这处隐患{status}，不能再告知整改。",
        "This hazard is {status}: it cannot be notified now.",
    ),
    "step_refused_rectified": (
        "这处隐患{status}，不能登记为已整改。",
        "This hazard is {status}: it cannot be marked fixed.",
    ),
    "step_refused_verified": (
        "这处隐患{status}，要先整改才能复查销号。",
        "This hazard is {status}: it must be fixed before it is verified.",
    ),
    "step_refused_reopened": (
        "这处隐患{status}，还没整改，不能重新打开。",
        "This hazard is {status}: only a fixed hazard can be reopened.",
    ),
    "hazard_added": (
        "已登记隐患（{unit}，编号 {id}），整改期限：{due}",
        "Recorded a hazard at {unit} (id {id}); deadline: {due}",
    ),
    "hazard_is_recurrence": (
        "注意：这是回潮，同一单元 90 天内复查过同类隐患（编号 {id}）。",
        "Note: a recurrence of hazard {id}, verified at this unit within the window.",
    ),
    "hazard_notified": (
        "已告知整改（编号 {id}），期限：{due}",
        "Notified (id {id}); deadline: {due}",
    ),
    "hazard_rectified": (
        "已登记整改（编号 {id}），请复查后销号。",
        "Marked fixed (id {id}); re-inspect, then verify.",
    ),
    "hazard_verified": ("复查合格，已销号（编号 {id}）。", "Verified and closed (id {id})."),
    "hazard_reopened": (
        "已重新打开（编号 {id}），期限：{due}",
        "Reopened (id {id}); deadline: {due}",
    ),
    "hazard_overdue": ("逾期", "overdue"),
    "hazard_recurrence": ("回潮（{id}）", "recurs {id}"),
    "step_found": ("发现", "found"),
    "step_notified": ("告知整改", "notified"),
    "step_rectified": ("已整改", "rectified"),
    "step_verified": ("复查销号", "verified"),
    "step_reopened": ("重新打开", "reopened"),
    "step_withdrawn": ("撤回（记错了）", "withdrawn (entered by mistake)"),
    "step_refused_withdrawn": (
        "这处隐患{status}，不能再撤回。",
        "This hazard is {status}: it cannot be withdrawn again.",
    ),
    "petition_refused_withdrawn": (
        "这条诉求{status}，不能再撤回。",
        "This petition is {status}: it cannot be withdrawn again.",
    ),
    "withdraw_needs_reason": (
        '撤回要写明原因，例如 --reason "记错了户"。',
        'A withdrawal needs its reason, e.g. --reason "entered for the wrong flat".',
    ),
    "hazard_withdrawn": (
        "已撤回隐患（编号 {id}）：它不再出现在清单和统计里，dyz hazard show {id} 仍可查到。",
        "Withdrew the hazard (id {id}): it leaves the lists and the counts; dyz hazard show"
        " {id} still has it.",
    ),
    "petition_withdrawn": (
        "已撤回诉求（编号 {id}）：它不再出现在清单和统计里，dyz petition show {id} 仍可查到。",
        "Withdrew the petition (id {id}): it leaves the lists and the counts; dyz petition"
        " show {id} still has it.",
    ),
    "recurrence_days": (
        "回潮认定期限：复查销号后 {days} 天内",
        "Recurrence window: {days} days after a verification",
    ),
    "bad_recurrence_days": (
        "天数 {days} 不对，请写 1 到 3650 之间。",
        "{days} days will not do: give 1 to 3650.",
    ),
    # -- volunteers -------------------------------------------------------------------------------
    "volunteer_added": (
        "已登记志愿者 {name}：{services}，在 {area} 帮忙（编号 {id}）",
        "Added the volunteer {name}: {services}, helping in {area} (id {id})",
    ),
    "volunteer_updated": ("已修改志愿者 {name}", "Updated the volunteer {name}"),
    "volunteer_removed": (
        "已删除志愿者 {name} 并抹去其个人信息，无法恢复；做过的服务留在台账里，不再写名字。",
        "Erased the volunteer {name}; this cannot be undone. The services they gave stay in"
        " the ledger, unnamed.",
    ),
    "confirm_remove_volunteer": (
        "删除志愿者 {name} 并永久抹去其个人信息？",
        "Erase the volunteer {name} and their personal data for good?",
    ),
    "volunteers_none": (
        "还没有登记志愿者。登记：dyz volunteer add --name 姓名 --phone 电话 --service 义务维修",
        "No volunteers yet. Add one: dyz volunteer add --name NAME --phone PHONE --service repair",
    ),
    "volunteer_needs_service": (
        "请写出至少一项服务，如 --service 义务维修（可选：送学上门、帮扶老人、矛盾调解、义务维修）。",
        "Give at least one service, e.g. --service repair (tutoring, elder_help, mediation,"
        " repair).",
    ),
    "volunteer_not_found": (
        "没有叫“{text}”的志愿者。看看有谁：dyz volunteer list",
        "No volunteer is called “{text}”. See who there is: dyz volunteer list",
    ),
    "volunteer_ambiguous": (
        "“{text}”对得上几位志愿者：{matches}。请写全名或编号。",
        "“{text}” matches several volunteers: {matches}. Give the full name or the id.",
    ),
    "volunteer_erased": ("（已删除的志愿者）", "(an erased volunteer)"),
    # -- mediation --------------------------------------------------------------------------------
    "not_a_dispute": (
        "诉求 {id} 不是“矛盾调解”类的，不能记调解经过。",
        "Petition {id} is not of the category mediation: it has no mediation to record.",
    ),
    "referred_needs_to": (
        "移交给谁？请写 --to，如 --to 人民调解委员会。",
        'Referred to whom? Give --to, e.g. --to "the people\'s mediation committee".',
    ),
    "mediation_set": (
        "已记下纠纷 {id}：{dispute}，当事人 {parties}",
        "Recorded dispute {id}: {dispute}, between {parties}",
    ),
    "mediation_step_done": ("已记下调解经过：{step}（编号 {id}）", "Recorded: {step} (id {id})"),
    "mediation_follow_up": (
        "{on} 前后去回访一次，看看有没有再闹起来；到时 dyz today 会提醒。",
        "Go back around {on} to see that it holds; dyz today will remind you.",
    ),
    "mediation_agreed": ("调解成功", "settled by mediation"),
    "mediation_agreed_as": ("调解成功：{note}", "settled by mediation: {note}"),
    "mediation_settled": (
        "诉求 {id} 记为就地解决（调解成功），不再列在待议事项里。",
        "The need {id} is marked resolved (settled by mediation) and leaves the council's agenda.",
    ),
    "mediation_open": ("调解中", "in progress"),
    "col_parties": ("当事人（房号）", "parties (flats)"),
    "col_dispute": ("纠纷类型", "dispute"),
    "col_mediator": ("调解人", "mediator"),
    "col_result": ("结果", "result"),
    "col_follow_up": ("回访日期", "follow-up"),
    "col_party": ("一方／移交给", "side or referred to"),
    "shared_space": ("{unit} 公共部位", "{unit} shared space"),
    "volunteer_no_services": ("还没有记过服务。", "No services recorded yet."),
    "volunteer_hours": (
        "做过 {count} 次服务，共 {total} 小时（{by_kind}）",
        "{count} services, {total} hours in all ({by_kind})",
    ),
    "service_kind_exists": ("服务项目 {code} 已经有了。", "The service {code} already exists."),
    "service_kind_added": ("已添加服务项目 {code}", "Added the service {code}"),
    "bad_hours": (
        "时长“{text}”看不懂：请写小时数，大于 0、不超过 24，如 --hours 1.5 或 --hours 90分钟。",
        "Hours “{text}” cannot be read: give more than 0 and at most 24, e.g. --hours 1.5 or"
        " --hours 90min.",
    ),
    "service_not_offered": (
        "提醒：{name} 登记的服务里没有“{kind}”，照样记下了。要加上：dyz volunteer edit {name} --service …",
        "Note: {name} did not sign up for “{kind}”; recorded all the same. To add it: dyz"
        " volunteer edit {name} --service …",
    ),
    "service_added": (
        "已记下 {name} 为 {served} 的{kind}（{on}，{hours} 小时，编号 {id}）",
        "Recorded {name}'s {kind} for {served} ({on}, {hours} h, id {id})",
    ),
    "hazard_kind_exists": ("隐患类别 {code} 已经有了。", "The hazard kind {code} already exists."),
    "hazard_kind_added": ("已添加隐患类别 {code}", "Added the hazard kind {code}"),
    "bad_notice_format": (
        "格式“{format}”不对，可选 txt 或 html。",
        "Format “{format}” is not txt or html.",
    ),
    "bad_paper": (
        "纸张“{paper}”不对，可选 a4 或 a5。",
        "Paper “{paper}” is not a4 or a5.",
    ),
    "col_status": ("状态", "status"),
    "col_kind": ("类别", "kind"),
    "col_unit": ("单元", "unit"),
    "col_place": ("地点", "place"),
    "col_household": ("责任户", "household"),
    "col_due": ("期限", "deadline"),
    "col_remarks": ("提示", "remarks"),
    "col_step": ("步骤", "step"),
    "col_on": ("日期", "date"),
    # -- petitions -----------------------------------------------------------------------------
    "empty_petition": (
        "诉求内容不能为空，请用 --text 写上。",
        "The petition is empty: write it with --text.",
    ),
    "petition_not_found": (
        "找不到编号以 {id} 开头的诉求，见 dyz petition list。",
        "No petition id starts with {id}; see dyz petition list.",
    ),
    "step_before_raised": (
        "日期 {on} 早于收集日期 {raised}。",
        "The date {on} is before the petition was raised ({raised}).",
    ),
    "resolve_needs_note": ("请用 --note 写上是怎么解决的。", "Say what was done with --note."),
    "link_itself": ("不能把一条诉求和它自己合并。", "A petition cannot be linked to itself."),
    "already_linked": ("这两条诉求已经合并过了。", "These two petitions are already linked."),
    "petition_refused_resolved": (
        "这条诉求{status}，不能再登记为就地解决。",
        "This petition is {status}: it cannot be resolved on the spot now.",
    ),
    "petition_refused_escalated": (
        "这条诉求{status}，不能再上报。",
        "This petition is {status}: it cannot be escalated now.",
    ),
    "petition_refused_proposed": (
        "这条诉求{status}，要先上报才能形成建议。",
        "This petition is {status}: it must be escalated first.",
    ),
    "petition_refused_adopted": (
        "这条诉求{status}，没有待决定的建议。",
        "This petition is {status}: no proposal awaits a decision.",
    ),
    "petition_refused_declined": (
        "这条诉求{status}，没有待决定的建议。",
        "This petition is {status}: no proposal awaits a decision.",
    ),
    "petition_refused_done": (
        "这条诉求{status}，建议被采纳后才能登记落实。",
        "This petition is {status}: only an adopted proposal can be done.",
    ),
    "petition_refused_closed": (
        "这条诉求{status}，还不能办结。",
        "This petition is {status}: it cannot be closed yet.",
    ),
    "petition_added": (
        "已记录 {ref} 的诉求（编号 {id}）",
        "Recorded a petition from {ref} (id {id})",
    ),
    "meeting_bad_count": (
        "人数 {value} 不对：请写 0 到 9999 之间的数。",
        "{value} is not a number of people: write 0 to 9999.",
    ),
    "meeting_more_present": (
        "实到 {present} 人比应到 {expected} 人还多：请核对 --present 和 --expected。",
        "{present} present but only {expected} members: check --present and --expected.",
    ),
    "meeting_more_votes": (
        "赞成、反对、弃权一共 {votes} 票，比实到的 {present} 人还多：请核对票数。",
        "{votes} votes but only {present} present: check the votes.",
    ),
    "petition_carried": (
        "同一件事的诉求 {ids} 也一起上报了，议事会上按户数算一件事。",
        "The same matter's {ids} went up with it; the council counts it as one matter.",
    ),
    "petition_linked": (
        "已合并诉求 {first} 和 {second}，议事会按户数统计。",
        "Linked petitions {first} and {second}; the agenda counts households.",
    ),
    "petition_resolved": ("已登记就地解决（编号 {id}）", "Resolved on the spot (id {id})"),
    "petition_escalated": ("已上报给{to}（编号 {id}）", "Escalated to the {to} (id {id})"),
    "petition_done": ("已登记落实（编号 {id}）", "Marked done (id {id})"),
    "petition_done_service": (
        "已把 {name} 的 {hours} 小时记进志愿服务台账",
        "Recorded {name}'s {hours} hours in the volunteer service record",
    ),
    "petition_assigned": (
        "已交给志愿者 {name}（编号 {id}）。办好后：dyz petition done {id} --hours 小时数",
        "Handed to the volunteer {name} (id {id}). Once done: dyz petition done {id} --hours H",
    ),
    "assign_taken_from": (
        "这件事原来交给了 {name}，现在改交别人；请告诉 {name} 不用去了。",
        "This need was with {name}; it now goes to someone else: let {name} know.",
    ),
    "assign_not_offered": (
        "提醒：{name} 登记的服务里没有能办“{category}”的，照样交给了 {name}。",
        "Note: {name} did not sign up for a service that answers “{category}”; handed over all"
        " the same.",
    ),
    "hours_without_volunteer": (
        "诉求 {id} 没有交给过志愿者，--hours 记不到谁名下。先 dyz petition assign {id} 志愿者，或去掉 --hours。",
        "Need {id} was never handed to a volunteer, so --hours has no one to go to. First dyz"
        " petition assign {id} VOLUNTEER, or leave out --hours.",
    ),
    "match_no_service": (
        "“{category}”类的诉求没有对应的志愿服务（有：送学上门、助老、矛盾调解、维修）。",
        "No volunteer service answers a need of “{category}” (tutoring, elderly care, mediation"
        " and repairs do).",
    ),
    "match_none": (
        "还没有能办“{category}”的志愿者。登记：dyz volunteer add --name 姓名 --service …",
        "No volunteer offers help with “{category}” yet. Add one: dyz volunteer add --name NAME"
        " --service …",
    ),
    "match_next": (
        "交给 {name}：dyz petition assign {id} {name}",
        "To hand it to {name}: dyz petition assign {id} {name}",
    ),
    "nearness_0": ("同一单元", "same unit"),
    "nearness_1": ("同一栋楼", "same building"),
    "nearness_2": ("同一小区", "same estate"),
    "col_nearness": ("远近", "how near"),
    "pstep_assigned": ("交给志愿者", "handed to a volunteer"),
    "petition_closed": ("已办结（编号 {id}）", "Closed (id {id})"),
    "step_again": ("{step}（另一台电脑也记了）", "{step} (also recorded on another laptop)"),
    "pstep_collected": ("收集", "collected"),
    "pstep_resolved": ("就地解决", "resolved"),
    "pstep_escalated": ("上报", "escalated"),
    "pstep_proposed": ("形成建议", "proposed"),
    "pstep_adopted": ("采纳", "adopted"),
    "pstep_declined": ("未采纳", "declined"),
    "pstep_done": ("落实", "done"),
    "pstep_closed": ("办结", "closed"),
    "pstep_withdrawn": ("撤回（记错了）", "withdrawn (entered by mistake)"),
    "col_category": ("类别", "category"),
    "col_text": ("内容", "petition"),
    "col_raised": ("收集日期", "raised"),
    "col_households": ("户数", "households"),
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
    "proposal_not_found": (
        "找不到编号以 {id} 开头的建议，见 dyz council agenda。",
        "No proposal id starts with {id}; see dyz council agenda.",
    ),
    "already_decided": (
        "这条建议已于 {on} 有了决定（{decision}）。",
        "This proposal was already decided on {on} ({decision}).",
    ),
    "proposal_made": (
        "已形成建议（编号 {id}），涉及 {petitions}。",
        "Proposal {id} made from {petitions}.",
    ),
    "proposal_decided": (
        "已登记社区的决定：{decision}（建议 {id}）。",
        "Recorded the office's decision: {decision} (proposal {id}).",
    ),
    "bad_agenda_format": (
        "格式“{format}”不对，可选 table、md、html、json、text。",
        "Format “{format}” is not table, md, html, json or text.",
    ),
    "list_sep": ("；", "; "),
    "col_waiting": ("等待天数", "days waiting"),
    "col_proposal": ("建议", "proposal"),
    "col_proposed_on": ("提出日期", "proposed on"),
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
    "scope_unit": ("{estates} {name}单元", "unit {name} of {estates}"),
    "scope_building": ("{estates} {name}栋", "building {name} of {estates}"),
    "scope_unit_bare": ("{name}单元", "unit {name}"),
    "scope_building_bare": ("{name}栋", "building {name}"),
    "scope_area": ("{name}", "{name}"),
    "scope_estate": ("{name}", "{name}"),
    "scope_community": ("全社区", "the whole community"),
    "member_unknown_none_waiting": (
        "没有“{peer}”的入网请求，目前也没有等待接纳的电脑：请先导入它交来的数据包",
        "No request to join from “{peer}”, and none waiting: import the bundle it gave first.",
    ),
    "erased_traces_pending": (
        "另一个 dyz 窗口还开着这个工作本，抹去的内容还有一份留在它的临时记录里：关掉那个窗口，下次运行 dyz 时就清除干净。",
        "Another dyz window still has the notebook open, and a copy of what was erased is left"
        " in its log: close that window, and it is cleared the next time dyz runs.",
    ),
    "yes_word": ("是", "yes"),
    "no_word": ("否", "no"),
    "member_unknown": (
        "没有“{peer}”的入网请求。等待接纳的：{known}。请先导入它交来的数据包",
        "No request to join from “{peer}”. Waiting: {known}. Import the bundle it gave first.",
    ),
    "member_is_office": ("这就是社区办公室本机。", "That is this office laptop itself."),
    "member_fingerprint_differs": (
        "没有接纳：“{name}”的指纹是 {own}，和电话里念的 {heard} 对不上。请再核对一次；"
        "如果确实不同，可能有人冒充它，不要接纳",
        "Not admitted: the fingerprint of “{name}” is {own}, not {heard} as read over the"
        " phone. Check again; if it really differs, someone may be passing for it: do not"
        " admit it.",
    ),
    "member_no_fingerprint_yet": (
        "“{name}”还没有发来过签名的数据包，没有指纹可核对：请它先用新版 dyz 导出一次交来",
        "“{name}” has not sent a signed bundle yet, so there is no fingerprint to check: ask it"
        " to export once with this dyz first.",
    ),
    "member_already": ("“{name}”已经接纳过了。", "“{name}” is already admitted."),
    "member_not_listed": (
        "名单上没有“{peer}”：dyz members list 可查看",
        "“{peer}” is not on the list: see dyz members list.",
    ),
    "member_already_revoked": ("“{name}”已经撤销过了。", "“{name}” was already revoked."),
    "member_admitted": (
        "已接纳“{name}”（指纹 {fingerprint}）。如果它的数据包刚才只是入网请求，请再导入一次；"
        "导出给它：dyz export --for {name}",
        "Admitted “{name}” (fingerprint {fingerprint}). If its bundle was only a request to"
        " join, import it again; to send it the notebook: dyz export --for {name}",
    ),
    "member_admitted_nokey": (
        "已接纳“{name}”（它用的是旧版 dyz，还没有指纹；它第一个签名的数据包会定下它的密钥）",
        "Admitted “{name}” (it runs an earlier dyz and has no fingerprint yet: its first signed"
        " bundle sets its key)",
    ),
    "member_revoked": (
        "已撤销“{name}”：本办公室收到过的它的修改照常有效，此后它做的修改在所有电脑上都不被接受。"
        "请导出一次数据包，把这个消息带给各单元长",
        "Revoked “{name}”: the changes of it this office holds stand; any it makes after them"
        " is accepted by no laptop. Export a bundle so that the others learn it.",
    ),
    "member_state_admitted": ("已接纳", "admitted"),
    "member_state_revoked": ("已撤销", "revoked"),
    "member_state_requested": ("等待接纳", "waiting"),
    "col_member_state": ("状态", "state"),
    "col_member_since": ("时间", "since"),
    "table_household": ("住户", "household"),
    "table_visit": ("走访", "visit"),
    "table_hazard": ("隐患", "hazard"),
    "field_flag": ("标记“{flag}”", "flag “{flag}”"),
    "value_empty": ("（空）", "(empty)"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "col_device": ("电脑", "laptop"),
    "col_last_heard": ("最近导入", "last imported"),
    "col_latest_seen": ("对方数据截至", "its data up to"),
    "col_what": ("记录", "record"),
    "col_field": ("项目", "field"),
    "col_values": ("两边的值", "values"),
    "col_value": ("值", "value"),
    "col_by": ("修改人", "by"),
    "col_recorded_by": ("记录人", "recorded by"),
    "col_when": ("时间", "when"),
    "col_mine": ("本机", "this laptop"),
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
    # -- failures -------------------------------------------------------------------------------
    "cancelled": ("已取消。", "Cancelled."),
    "internal_error": (
        "dyz 出了内部错误（{kind}），这不是您的操作问题。请把这句话告诉维护人员；设 DYZ_DEBUG=1 可看详情。",
        "dyz hit an internal error ({kind}); it is not something you did. Please report this"
        " line; set DYZ_DEBUG=1 for details.",
    ),
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
    # -- h-text: a flat's reference with a letter for a digit -----------------------------------
    "household_ref_slip": (
        "{estate} 没有 {ref} 这一户。房号里的 {letters} 像是打错了（字母 O 当成了零，I 或 l 当成了一）：是不是 {fixed}？",
        "{estate} has no flat {ref}. The {letters} in it looks mistyped (the letter O for zero, I"
        " or l for one): did you mean {fixed}?",
    ),
    "household_ref_slip_unknown": (
        "{estate} 没有 {ref} 这一户。房号里的 {letters} 像是打错了（字母 O 当成了零，I 或 l 当成了一），请检查房号再输入。",
        "{estate} has no flat {ref}. The {letters} in it looks mistyped (the letter O for zero, I"
        " or l for one): check the reference and type it again.",
    ),
    # -- issue 34, trust: names bound to keys, no plain export by accident, joining -----------
    "author_on_laptop": ("{author}（在 {laptop} 的电脑上）", "{author} (on the laptop {laptop})"),
    "author_on_named_laptop": ("{author}（在 {laptop} 上）", "{author} (on {laptop})"),
    "bad_laptop_name": (
        "电脑名称“{text}”不能用：不能含 / 或 \\，不能含不可见字符，不超过 40 字。",
        "The laptop name “{text}” cannot be used: no / or \\, no invisible characters, 40"
        " characters at most.",
    ),
    # -- issue 33, care: a resident's emergency contact and risk level ---------------------
    "emergency_contact_form": (
        "“{text}”不是紧急联系人：请写姓名、电话，可加关系，如 --emergency-contact “张伟 13800001111 儿子”。",
        "“{text}” is not an emergency contact: give a name and a phone, and the relation if you"
        " like, e.g. --emergency-contact “Zhang Wei 13800001111 son”.",
    ),
    "resident_contact": (
        "紧急联系人 {name}{relation} {phone}",
        "emergency contact {name}{relation} {phone}",
    ),
    "resident_risk": (
        "风险等级 {risk}（每 {days} 天探访）",
        "risk level {risk} (visited every {days} days)",
    ),
    # -- erase (issue 35): the words typed beside a household go with it -------------------------
    "hazard_words_erased": (
        "这处隐患的责任户已删除，它的地点、备注和整改要求已随住户抹去，不再记录；"
        "要改别的（如 --due）就只写那一项。",
        "This hazard's household was erased, and its place, note and requirement with it: they"
        " are no longer kept. To correct something else (e.g. --due), give only that.",
    ),
    # -- door-knocking visits ---------------------------------------------------------------
    "bad_week": (
        "{option} 的“{text}”不是一周：请写 2026-W48 这样的周，或这一周里的任一天，如 2026-11-26。",
        "{option} “{text}” is not a week: write an ISO week such as 2026-W48, or any day in it,"
        " such as 2026-11-26.",
    ),
    "week_or_dates": (
        "--week 和 --from/--to 只能选一种。",
        "Give either --week or --from/--to, not both.",
    ),
    "dates_reversed": (
        "截止日期 {end} 早于起始日期 {start}，请对调。",
        "The end date {end} is before the start date {start}: swap them.",
    ),
    "bad_yes_no": (
        "{option} 只能是 yes 或 no（是/否），不是“{text}”。",
        "{option} takes yes or no, not “{text}”.",
    ),
    "bad_pair": (
        '{option} 的“{text}”少了“{sep}”：写法如 {option} "维修{sep}楼道灯坏了"。',
        '{option} “{text}” needs a “{sep}”, e.g. {option} "repair{sep}stairwell light broken".',
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
    "col_outcome": ("结果", "Outcome"),
    "col_visit_kind": ("方式", "How"),
    "col_visitor": ("走访人", "Visitor"),
    "col_app": ("反诈APP", "Anti-fraud app"),
    "col_briefed": ("讲过骗术", "Briefed"),
    "col_introduced": ("已自我介绍", "Introduced"),
    "col_wellbeing": ("关爱对象状况", "Wellbeing"),
    "col_need": ("需求", "Need"),
    "col_hazard": ("隐患", "Hazard"),
    "col_order": ("序", "#"),
    "col_residents_names": ("住户", "Residents"),
    "col_reason": ("原因", "Why"),
    "col_last_try": ("上次结果", "Last time"),
    "col_building": ("楼栋", "Building"),
    "col_key": ("设置", "Setting"),
    "col_default": ("默认", "Default"),
    "col_meaning": ("含义", "Meaning"),
    # -- the weekly report ---------------------------------------------------------------------
    "bad_report_format": (
        "报告格式只能是 table、md、csv、json 或 html。",
        "The report's format is table, md, csv, json or html.",
    ),
    # -- issue 33, visits: who was met, the help someone needs, a retry, the questions ------
    "col_met": ("受访人", "Met"),
    # -- issue 33, care: wellbeing and the five areas for everyone the care ledger follows --
    "due_reason_risk_high": ("风险等级高，每 {days} 天", "high risk, every {days} days"),
    "due_reason_risk_medium": ("风险等级中，每 {days} 天", "medium risk, every {days} days"),
    "due_reason_risk_low": ("风险等级低，每 {days} 天", "low risk, every {days} days"),
    "risk_level_word": ("风险等级{risk}", "{risk} risk"),
    "col_referral": ("转介", "referred to"),
    # -- fire patrols --------------------------------------------------------------------------
    "col_patrol_where": ("巡查部位", "where"),
    "col_patrol_when": ("日期时间", "date and time"),
    "col_patroller": ("巡查人", "patroller"),
    "col_patrol_result": ("巡查情况", "what was found"),
    "col_last_patrol": ("上次巡查", "last patrol"),
    "col_days_since": ("已过天数", "days since"),
    "col_patrol_hazards": ("登记的隐患", "hazards recorded"),
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
    **dict.fromkeys(("notice", "agenda", "card", "duties"), "papers"),
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
