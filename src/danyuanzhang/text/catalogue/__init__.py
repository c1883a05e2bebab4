"""The catalogue: every message key with its Chinese and English text. Chinese comes first.

The messages of door-knocking and the weekly report live in `catalogue_visits`, those of
patrols and ledgers in `catalogue_ledgers`, each read only when one of them is asked for: every
`dyz hazard add` would otherwise pay to load them."""

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
    "backup_passphrase_short": (
        "口令太短：至少 {least} 个字，最好是一句只有您记得的话。",
        "The passphrase is too short: at least {least} characters; a sentence only you know is best.",
    ),
    "backup_passphrase_needed": (
        "备份需要口令：请在终端窗口里运行（会请您输入两遍），或用 --passphrase-file 文件 给出口令。",
        "A backup needs a passphrase: run this in a terminal window (it asks twice), or give"
        " one with --passphrase-file FILE.",
    ),
    "restore_passphrase_needed": (
        "打开备份需要口令：请在终端窗口里运行（会请您输入做备份时的口令），或用 --passphrase-file 文件 给出口令。",
        "Opening a backup needs its passphrase: run this in a terminal window (it asks for the"
        " one the backup was made with), or give it with --passphrase-file FILE.",
    ),
    "backup_passphrase_ask": (
        "备份口令（输入时不显示）：",
        "Backup passphrase (not shown as you type): ",
    ),
    "backup_passphrase_again": ("再输入一遍口令：", "The passphrase again: "),
    "backup_passphrase_differ": (
        "两次输入的口令不一样，没有写备份。请再试一次。",
        "The two passphrases differ; no backup was written. Please try again.",
    ),
    "backup_passphrase_file_empty": (
        "口令文件 {path} 是空的。请在第一行写上口令。",
        "The passphrase file {path} is empty: write the passphrase on its first line.",
    ),
    "backup_written": (
        "备份已写好：{path}（{size}，{changes} 条修改）。请把它存到 U 盘或别的电脑上，口令记在本子上另外保管。",
        "Backup written: {path} ({size}, {changes} changes). Keep it on a USB stick or another"
        " computer, and the passphrase written down somewhere else.",
    ),
    "backup_no_office": (
        "本机还没有加入社区办公室，不能加密给办公室。请用口令备份：dyz backup -o 文件。",
        "This laptop has joined no office, so the backup cannot be sealed to it: back up"
        " with a passphrase (dyz backup -o FILE).",
    ),
    "backup_sealed_elsewhere": (
        "备份 {path} 是加密给“{office}”的，只有那台电脑能打开，什么也没有改动。",
        "The backup {path} is sealed to “{office}”: only that laptop opens it. Nothing was"
        " changed.",
    ),
    "restore_sealed_needs_into": (
        "这份备份是加密给“{office}”的：请在办公室的电脑上运行 dyz restore 备份文件 --into 新文件.db，"
        "再把新文件交给单元长。",
        "This backup is sealed to “{office}”: on the office's laptop run dyz restore FILE"
        " --into NEW.db, then hand the new file to the unit head.",
    ),
    "backup_not_a_backup": (
        "{path} 不是 dyz 的备份文件，什么也没有改动。备份文件由 dyz backup 写出，名字以 .dyzbak 结尾。",
        "{path} is not a dyz backup; nothing was changed. Backups are written by dyz backup"
        " and end in .dyzbak.",
    ),
    "backup_damaged": (
        "备份文件 {path} 损坏了（内容被改动过或不完整），什么也没有改动。请换一份备份试试。",
        "The backup {path} is damaged (altered or incomplete); nothing was changed. Try"
        " another backup.",
    ),
    "backup_truncated": (
        "备份文件 {path} 不完整（后面缺了一截，也许没复制完），什么也没有改动。请重新复制一份再试。",
        "The backup {path} is cut short (perhaps a copy that did not finish); nothing was"
        " changed. Copy it again and retry.",
    ),
    "backup_wrong_passphrase": (
        "口令不对，打不开备份 {path}，什么也没有改动。请再试一次（注意大小写和全角半角）。",
        "Wrong passphrase for the backup {path}; nothing was changed. Try again (mind capitals"
        " and full-width characters).",
    ),
    "restore_would_lose": (
        "工作本 {path} 里有 {count} 条修改是这份备份里没有的（最近一条在 {day}），恢复会丢掉它们，所以没有恢复。"
        "先用 dyz backup 另存一份现在的工作本；确实要用备份覆盖，再加 --overwrite。",
        "The notebook {path} holds {count} changes this backup lacks (the latest on {day});"
        " restoring would lose them, so nothing was restored. Back up the notebook as it is"
        " first (dyz backup); to overwrite it all the same, add --overwrite.",
    ),
    "restore_about": (
        "这是 {laptop} 在 {made} 做的备份，有 {changes} 条修改。",
        "This backup of {laptop} was made on {made} and holds {changes} changes.",
    ),
    "restore_confirm": ("用它替换 {path} 吗？", "Replace {path} with it?"),
    "restore_done": (
        "已从备份恢复：{path}（{changes} 条修改）。",
        "Restored from the backup: {path} ({changes} changes).",
    ),
    "restore_kept_aside": (
        "原来那个打不开的工作本没有删，留在 {path}。",
        "The notebook that could not be read was not deleted: it is kept at {path}.",
    ),
    "backup_reminder": (
        "提醒：{since}没有备份工作本了。运行 dyz backup -o U盘上的文件 备份一份。",
        "Reminder: the notebook has not been backed up {since}. Run dyz backup -o FILE (on a"
        " USB stick) to make one.",
    ),
    "backup_never": ("从来", "ever"),
    "backup_since_days": ("已经 {days} 天", "for {days} days"),
    "backup_no_room": (
        "备份 {path} 解开要 {need}，超过这里能用的 {room}，什么也没有改动。请腾出空间，或换一份备份。",
        "The backup {path} unpacks to {need}, more than the {room} a restore may take here;"
        " nothing was changed. Make room, or try another backup.",
    ),
    "restore_strange_schema": (
        "备份 {path} 里有 dyz 自己不会建的东西（{objects}），可能被人动过手脚，所以没有恢复，什么也没有改动。请换一份备份。",
        "The backup {path} holds what dyz itself never makes ({objects}): it may have been"
        " tampered with, so nothing was restored or changed. Try another backup.",
    ),
    "restore_other_laptop": (
        "这份备份是另一台电脑“{laptop}”的，本机是“{mine}”：恢复后本机就成了“{laptop}”（用它的名字和密钥），"
        "什么也没有改动。确实要这样，请加 --as-that-laptop。",
        "This backup is of another laptop, “{laptop}”; this one is “{mine}”: once restored,"
        " this laptop becomes “{laptop}” (its name and keys). Nothing was changed; to do it"
        " all the same, add --as-that-laptop.",
    ),
    "restore_other_laptop_confirm": (
        "这份备份是另一台电脑“{laptop}”的，本机是“{mine}”。恢复后本机的记录换成备份里的，"
        "本机也就成了“{laptop}”，确定吗？",
        "This backup is of another laptop, “{laptop}”; this one is “{mine}”. Once restored,"
        " this laptop's records are the backup's and this laptop becomes “{laptop}”. Go ahead?",
    ),
    "backup_unsigned": (
        "备份 {path} 是加密给办公室的，却没有做备份的电脑的签名（旧版 dyz 做的，或是伪造的），"
        "为安全起见不恢复，什么也没有改动。请单元长用现在的 dyz 重新备份：dyz backup --to-office。",
        "The backup {path} is sealed to the office but carries no signature of the laptop that"
        " made it (an older dyz made it, or someone forged it): to be safe it is not restored,"
        " and nothing was changed. Ask the unit head for a new one: dyz backup --to-office.",
    ),
    "backup_signature_bad": (
        "备份 {path} 的签名不是“{laptop}”的（文件被改过，或是别人冒充的），什么也没有改动。"
        "请单元长重新备份：dyz backup --to-office。",
        "The backup {path} is not signed by “{laptop}” (the file was altered, or someone"
        " forged it); nothing was changed. Ask the unit head for a new one: dyz backup"
        " --to-office.",
    ),
    "backup_signer_unknown": (
        "备份 {path} 自称来自“{laptop}”，这台电脑不在办公室的成员名单上，什么也没有改动。"
        "办公室只恢复名单上的电脑做的备份（dyz members list）。",
        "The backup {path} claims to come from “{laptop}”, which is not on the office's list"
        " of members; nothing was changed. The office restores only backups of listed laptops"
        " (dyz members list).",
    ),
    "backup_signer_revoked": (
        "备份 {path} 来自已撤销的电脑“{laptop}”，不恢复，什么也没有改动。",
        "The backup {path} comes from “{laptop}”, a laptop taken off the list; it is not"
        " restored, and nothing was changed.",
    ),
    "scratch_nowhere": (
        "没有可以写临时文件的文件夹（{folders} 都写不进去），什么也没有改动。请用 -o 指定一个能写的位置。",
        "No folder takes a temporary file ({folders} are all read-only); nothing was changed."
        " Give a writable place with -o.",
    ),
    "schema_kind_table": ("表", "table"),
    "schema_kind_index": ("索引", "index"),
    "schema_kind_view": ("视图", "view"),
    "schema_kind_trigger": ("触发器", "trigger"),
    "schema_how_extra": ("多出", "extra:"),
    "schema_how_altered": ("被改过的", "altered:"),
    "schema_how_missing": ("缺少", "missing:"),
    "backup_strange_schema": (
        "工作本里有 dyz 自己不会建的东西（{objects}），这样的备份恢复不了，所以没有备份。"
        "请先运行 dyz doctor 看看，dyz doctor --repair 会把它们去掉，然后再备份。",
        "The notebook holds what dyz itself never makes ({objects}); a backup of it could not be"
        " restored, so none was made. Run dyz doctor to see it; dyz doctor --repair removes it;"
        " then back up again.",
    ),
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
    "init_done": (
        "工作本已建立：{path}\n本机：{device}（编号 {id}）\n社区：{community}",
        "Notebook ready: {path}\nThis laptop: {device} (id {id})\nCommunity: {community}",
    ),
    "init_already": (
        "工作本早已建立，数据未动：{path}\n本机：{device}（编号 {id}）\n社区：{community}",
        "Notebook already set up, data untouched: {path}\nThis laptop: {device} (id {id})\n"
        "Community: {community}",
    ),
    "init_person": (
        "使用人：{person}（印在台账和周报上）",
        "Used by: {person} (named on every ledger and report)",
    ),
    "init_no_person": (
        "使用人：未填。台账和周报要写明是谁做的，请用 dyz init --name 姓名 填上。",
        "Used by: not given. Ledgers and reports name who did the work: dyz init --name NAME",
    ),
    "init_territory": (
        "负责：{territory}（今天该做的、走访、周报、台账默认只看这里，看全部加 --all）",
        "Looks after: {territory} (today, visits, the report and ledgers show this by default;"
        " --all shows everything)",
    ),
    "init_territory_all": ("负责：全社区", "Looks after: the whole community"),
    "init_on_roster": ("名册上：{scope} 的{role}", "On the roster: {role} of {scope}"),
    "init_one_territory": (
        "--unit、--building、--area、--all 只能选一个：一台电脑记一个负责范围。",
        "Give only one of --unit, --building, --area and --all: a laptop looks after one place.",
    ),
    "territory_default": (
        "只看本机负责的{where}（看全部加 --all）",
        "Showing {where}, which this laptop looks after (--all for everything)",
    ),
    "card_need_unit": (
        "印哪个单元的服务牌？请加 --unit 2-2（或用 dyz init --unit 2-2 记下本机负责的单元）。",
        "Which unit's card? Add --unit 2-2 (or set this laptop's unit: dyz init --unit 2-2).",
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
    "init_ask_name": ("您的姓名（印在台账上）：", "Your name (printed on the ledgers): "),
    "init_ask_unit": (
        "您负责哪个单元？如 2-2，几个单元写 2-1、2-2（楼栋长、社区办公室直接回车）",
        "Which unit do you look after? e.g. 2-2, or 2-1,2-2 for several (building heads and the office: press Enter)",
    ),
    "init_fingerprint": (
        "本机密钥指纹：{fingerprint}（对方要核对本机身份时，打电话念给对方听）",
        "This laptop's key fingerprint: {fingerprint} (other laptops remember it from this"
        " laptop's first bundle; read it out over the phone when they ask)",
    ),
    "not_set": ("（未设置）", "(not set)"),
    "init_next": (
        "接下来可以：\n"
        "  1. 导入住户花名册：dyz household import 花名册.xlsx --dry-run（看过没问题再去掉 --dry-run）\n"
        "  2. 登记三长一户名册：dyz roster add --role 单元长 --name 姓名 --phone 电话 --scope 2-2\n"
        "  3. 打印单元服务牌：dyz card --unit 2-2 -f html -o 服务牌.html\n"
        "  或者直接输入 dyz，从菜单里选要做的事。",
        "Next you can:\n"
        "  1. Import the household roll: dyz household import roll.xlsx --dry-run (then without"
        " --dry-run)\n"
        "  2. Add the roster of heads: dyz roster add --role unit_head --name NAME --phone PHONE"
        " --scope 2-2\n"
        "  3. Print the stairwell card: dyz card --unit 2-2 -f html -o card.html\n"
        "  Or type dyz alone and choose from the menu.",
    ),
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
    "mn_question": ("要做什么？", "What would you like to do?"),
    "household_which": (
        "“{text}”对得上好几户：{refs}。请写全房号，如 {first}。",
        "“{text}” matches several households: {refs}. Write the full reference, e.g. {first}.",
    ),
    "ask_hazard": ("哪一处隐患？", "Which hazard?"),
    "ask_petition": ("哪一条诉求？", "Which need?"),
    "ask_role": ("什么职务？", "Which role?"),
    "ask_decision": ("议事会怎么决定的？", "What did the council decide?"),
    "mn_today": ("今天该做的", "What to do today"),
    "mn_visit": ("入户走访", "A door-knocking visit"),
    "mn_patrol": ("巡查隐患", "A fire patrol or a hazard"),
    "mn_need": ("记一条诉求", "Write down a need"),
    "mn_council": ("议事会", "The council's agenda"),
    "mn_team": ("志愿者和矛盾调解", "Volunteers and disputes"),
    "mn_team_what": ("看什么，做什么？", "What now?"),
    "mn_team_list": ("志愿者名单", "The volunteers"),
    "mn_team_service": ("记一次志愿服务", "Record a service given"),
    "mn_team_disputes": ("还在调解的矛盾纠纷", "Disputes still open"),
    "mn_team_who": ("哪位志愿者？", "Which volunteer?"),
    "mn_team_kind": ("做的什么服务？", "What service?"),
    "mn_team_hours": ("多长时间（小时，如 1.5）？", "How long (hours, e.g. 1.5)?"),
    "mn_report": ("周报", "The weekly report"),
    "mn_households": ("住户和名册", "Households and the roster"),
    "mn_help": ("帮助", "Help"),
    "mn_quit": ("退出", "Quit"),
    "mn_back": ("已返回菜单。", "Back to the menu."),
    "mn_same_command": (
        "下次可以直接输入：{command}",
        "Next time you can type: {command}",
    ),
    "mn_which_unit": ("哪个单元？", "Which unit?"),
    "mn_no_households": (
        "工作本里还没有住户。先导入花名册：dyz household import 花名册.xlsx",
        "The notebook has no households yet. Import the roll first: dyz household import roll.xlsx",
    ),
    "mn_patrol_what": ("巡查还是登记隐患？", "A patrol or a hazard?"),
    "mn_patrol_walk": ("记一次防火巡查（正常也要记）", "Record a fire patrol (all clear too)"),
    "mn_patrol_hazard": ("登记一处隐患", "Record a hazard"),
    "mn_hazard_kind": ("什么隐患？", "What kind of hazard?"),
    "mn_hazard_where": ("在哪里？（如 3楼楼道）", "Where? (e.g. 3rd floor stairwell)"),
    "mn_hazard_days": ("几天内整改？", "Fixed within how many days?"),
    "mn_need_household": ("哪一户？", "Which household?"),
    "mn_need_category": ("是哪一类的事？", "What kind of need?"),
    "mn_need_text": ("居民说了什么？", "What did the resident say?"),
    "mn_report_which": ("哪一周？", "Which week?"),
    "mn_report_this": ("本周（到今天）", "This week so far"),
    "mn_households_what": ("住户和名册：做什么？", "Households and the roster: what now?"),
    "mn_households_list": ("一个单元的住户", "The households of a unit"),
    "mn_households_roster": ("三长一户名册", "The roster of heads"),
    "mn_households_card": ("单元服务牌", "The stairwell service card"),
    "mn_exchange_out": ("导出数据包，带给别的电脑", "Export a bundle for another laptop"),
    "mn_exchange_in": ("导入别的电脑的数据包", "Import a bundle from another laptop"),
    "mn_exchange_for": ("给谁？", "For whom?"),
    "mn_exchange_office": ("社区办公室", "the community office"),
    "mn_exchange_file": (
        "数据包文件在哪里？（可以把文件拖进来）",
        "Where is the bundle file? (you may drag it here)",
    ),
    "mn_required": ("这一项要填。", "This one needs an answer."),
    "mn_bad_days": (
        "“{text}”不是天数，请写 1 到 365 之间的数字。",
        "“{text}” is not a number of days: write 1 to 365.",
    ),
    "mn_no_such_file": ("找不到文件：{path}", "No such file: {path}"),
    "yes_no_default_yes": ("（是／否，直接回车＝是）", " (yes/no, Enter = yes) "),
    "yes_no_default_no": ("（是／否，直接回车＝否）", " (yes/no, Enter = no) "),
    "yes_no_again": ("请回答“是”或“否”。", "Please answer yes or no."),
    "iv_keys_yes_no": ("（按 是/否 或 y/n，或 ↑↓ 加回车）", "(y/n, or ↑↓ and Enter)"),
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
        "照片 {path} 太大（最多 {limit_mb} MB），不像一张照片。请换一张照片。",
        "The photo {path} is too big ({limit_mb} MB at most) to be a photo; choose another.",
    ),
    "photo_heic": (
        "{path} 是苹果手机的 HEIC 照片，dyz 读不了。请在手机上用“设置→相机→格式→兼容性最佳”"
        "拍照，或把照片发到微信再保存，就是 JPG。",
        "{path} is an iPhone HEIC photo, which dyz cannot read. Set Settings > Camera > Formats"
        " > Most Compatible on the phone, or send the photo through WeChat and save it: it is"
        " then a JPG.",
    ),
    "photo_not_image": (
        "{path} 不是 JPG、PNG、GIF 或 WebP 图片。",
        "{path} is not a JPG, PNG, GIF or WebP picture.",
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
    "card_unit": ("{building}栋{unit}单元", "Building {building}, Unit {unit}"),
    "card_title": ("单元长服务牌", "Service Card"),
    "card_vacant": ("待定", "to be appointed"),
    "card_phone": ("电话", "Phone"),
    "card_duties": ("职责", "Duties"),
    "card_numbers": ("常用电话", "Useful numbers"),
    "card_footer": (
        "有困难、有诉求、发现隐患，请随时联系我们！",
        "Need help, have a request or see a hazard? Call us any time.",
    ),
    "duties_area_head": (
        "统筹片区事务，协调解决居民诉求",
        "Runs the area; takes residents' needs further",
    ),
    "duties_building_head": (
        "联系本栋各单元，收集上报居民诉求",
        "Links the units of the building; carries needs up",
    ),
    "duties_unit_head": (
        "入户走访、收集诉求、排查隐患、反诈宣传",
        "Door-knocking, collecting needs, fire-safety patrols, anti-fraud advice",
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
    "roll_empty": ("文件 {path} 是空的。", "The file {path} is empty."),
    "roll_unknown_column": (
        "不认识的列“{column}”。可用的列：小区,楼栋,单元,房号,姓名,电话,出生年份,标记,迁入日期",
        "Unknown column “{column}”. Columns: estate,building,unit,room,name,phone,birth_year,flags,moved_in",
    ),
    "roll_missing_columns": (
        "缺少这些列：{columns}。可用 dyz household import --template 取得空白模板。",
        "Missing columns: {columns}. Get an empty roll with dyz household import --template.",
    ),
    "roll_fields_without_name": (
        "这一行有电话等信息却没有姓名。",
        "This row has details but no name.",
    ),
    "roll_duplicate_person": (
        "{name} 在第 {other} 行已出现过，但两行的信息不一样，请只保留正确的一行。",
        "{name} already appears on line {other} with different details; keep only the right one.",
    ),
    "roll_problem": ("第 {line} 行：{problem}", "Row {line}: {problem}"),
    "roll_problem_rows": (
        "第 {line} 行等，共 {count} 行：{problem}",
        "Rows {line} and more, {count} in all: {problem}",
    ),
    "roll_problem_in_sheet_rows": (
        "工作表“{sheet}”第 {line} 行等，共 {count} 行：{problem}",
        "Sheet “{sheet}”, rows {line} and more, {count} in all: {problem}",
    ),
    "roll_problem_in_sheet": (
        "工作表“{sheet}”第 {line} 行：{problem}",
        "Sheet “{sheet}”, row {line}: {problem}",
    ),
    "roll_no_such_sheet": (
        "这个文件里没有叫“{sheet}”的工作表。有：{sheets}",
        "This file has no sheet named “{sheet}”. It has: {sheets}",
    ),
    "roll_not_a_workbook": (
        "{path} 打不开：不是完好的 Excel 文件（可能没存完或已损坏）。请在 Excel 或 WPS 里打开它，另存一份再导入。",
        "Cannot open {path}: it is not a sound Excel file (perhaps not fully saved, or damaged)."
        " Open it in Excel or WPS, save a copy, and import that.",
    ),
    "roll_workbook_password": (
        "{path} 设了打开密码，读不了：请在 Excel 或 WPS 里用密码打开它，去掉密码另存一份，再导入那一份。",
        "{path} is protected by a password and cannot be read: open it in Excel or WPS with the"
        " password, save a copy without one, and import that.",
    ),
    "roll_phone_lost_digits": (
        "电话“{phone}”已经丢了位数（Excel 把长数字显示成了科学计数法）：请把电话这一列设成“文本”，重新填上号码。",
        "The phone “{phone}” has lost digits (Excel showed the long number in scientific"
        " notation): format the phone column as Text and enter the numbers again.",
    ),
    "roll_bad_address": (
        "住址“{address}”看不出楼栋、单元和房号，请写成“2栋2单元602室”这样。",
        "Cannot find the building, unit and room in the address “{address}”; write them as"
        " building-unit-room, such as 2-2-602.",
    ),
    "roll_ignored_columns": (
        "这些列用不上，已略过：{columns}",
        "These columns are not used and were left out: {columns}",
    ),
    "roll_id_cards_left_out": (
        "身份证号不保存（工作本只记工作需要的信息），已略去这一列：{columns}",
        "ID-card numbers are never kept (the notebook holds only what the work needs); left out: {columns}",
    ),
    "roll_rejected": (
        "有 {rows}有问题（见上），什么都没有写入。改好后再导入一次即可。",
        "{rows} have problems (above); nothing was written. Fix them and import again.",
    ),
    "roll_done": (
        "导入完成：共 {rows} 行；新登记 {households} 户；新增居民 {added} 人，更新 {updated} 人，无变化 {unchanged} 人。",
        "Imported {rows} rows: {households} new households; residents {added} added, {updated}"
        " updated, {unchanged} unchanged.",
    ),
    "roll_plan_added": ("{ref}：新增居民 {name}", "{ref}: adds {name}"),
    "roll_plan_changed": ("{ref}：{name} 的{fields}有变化", "{ref}: changes {fields} of {name}"),
    "roll_plan_missing": (
        "{ref}：{name} 不在这份名册里（确认已搬走，可加 --moved-out 记为迁出）",
        "{ref}: {name} is not on this roll (if they left, --moved-out records it)",
    ),
    "roll_plan_more": ("……还有 {count} 处，不一一列出", "… and {count} more"),
    "roll_missing_hint": (
        "有 {count} 位居民不在这份名册里（{names}）：确认已搬走，再加 --moved-out 导入一次，记为迁出。"
        "用 --dry-run 可以逐户查看。",
        "{count} residents are not on this roll ({names}): if they left, import again with"
        " --moved-out to record it. --dry-run shows them flat by flat.",
    ),
    "roll_moved_out": (
        "记为迁出 {count} 人（仍留在各户的历史里）：{names}",
        "Recorded {count} as moved out (they stay in their households' history): {names}",
    ),
    "roll_exported": (
        "花名册已写入 {path}：{households} 户，{residents} 位居民。",
        "The roll is written to {path}: {households} households, {residents} residents.",
    ),
    "roll_file_personal": (
        "注意：这个文件里有居民的姓名、电话等个人信息，请妥善保管，不要发到群里。",
        "Note: this file holds residents' names, phones and other personal data: keep it safe,"
        " never post it to a group.",
    ),
    "roll_checked": (
        "检查通过（未写入）：共 {rows} 行；将新登记 {households} 户；新增居民 {added} 人，更新 {updated} 人，无变化 {unchanged} 人。",
        "Check passed, nothing written: {rows} rows; would add {households} households and"
        " {added} residents, update {updated}, leave {unchanged} unchanged.",
    ),
    # -- issue 35: rolls read within bounds -------------------------------------------------
    "file_not_regular": (
        "{path} 不是普通文件（是文件夹、设备或管道），读不了：请给出文件本身，如 花名册.xlsx。",
        "{path} is not an ordinary file (a folder, a device or a pipe) and cannot be read:"
        " give the file itself, such as roll.xlsx.",
    ),
    "roll_too_many_rows": (
        "{path} 超过 {limit} 行，不像一份花名册：请删去数据下方的空行，或按小区、楼栋分成几个文件导入。",
        "{path} has more than {limit} rows, more than a roll has: delete the empty rows below"
        " the data, or split it by estate or building and import each file.",
    ),
    "roll_csv_broken": (
        "{path} 第 {line} 行读不了（引号没有配对，或一格太长）：请在 Excel 里打开，另存为“CSV UTF-8”再导入。",
        "{path} cannot be read at line {line} (an unmatched quote, or a cell too long): open it"
        " in Excel and save it as “CSV UTF-8”, then import that.",
    ),
    "roll_workbook_unpacks_big": (
        "{path} 解压后有 {mb} MB，超过花名册能有的 {limit_mb} MB：请在 Excel 或 WPS 里删去数据下方和右边的空行空列，另存一份再导入。",
        "{path} unpacks to {mb} MB, more than the {limit_mb} MB a roll can be: delete the empty"
        " rows and columns beyond the data in Excel or WPS, save a copy and import that.",
    ),
    "roll_workbook_packed_oddly": (
        "{path} 里有一部分压缩了 {ratio} 倍，Excel 存的文件不会这样（可能是恶意文件）：请在 Excel 或 WPS 里打开它，另存一份再导入。",
        "Part of {path} is packed {ratio} times over, which no file saved by Excel is (it may be"
        " hostile): open it in Excel or WPS, save a copy and import that.",
    ),
    "roll_sheet_too_far": (
        "{path} 有工作表延伸到第 {rows} 行、第 {columns} 列，花名册最多 {row_limit} 行、{column_limit} 列：请在 Excel 或 WPS 里删去数据下方和右边的空行空列，另存一份再导入。",
        "{path} has a sheet reaching row {rows}, column {columns}, beyond the {row_limit} rows"
        " and {column_limit} columns a roll can have: delete the empty rows and columns beyond"
        " the data in Excel or WPS, save a copy and import that.",
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
    # -- the demo -------------------------------------------------------------------------------
    "examples_missing": (
        "找不到示例数据（examples/），请重新安装 dyz。",
        "The sample data (examples/) is missing; reinstall dyz.",
    ),
    "demo_would_overwrite": (
        "{path} 不是演示数据库，不会覆盖它。请用 --to 换一个位置。",
        "{path} is not a demo database and will not be overwritten; choose another place with --to.",
    ),
    "demo_built": ("演示数据库已建好：{path}", "Demo database built: {path}"),
    "demo_summary": (
        "示例社区：{community}（{estates}）\n住户 {households} 户，居民 {residents} 人，"
        "其中独居老人 {elderly_alone} 人、需帮扶 {needs_help} 人；三长一户名册 {roster} 人。\n"
        "防火巡查 {patrols} 次，排查隐患 {hazards} 处，未销号 {hazards_open} 处（逾期 {overdue}、回潮 {recurrences}）；"
        "诉求 {petitions} 条，待议事会商议 {agenda_matters} 件；入户走访 {visits} 次；"
        "志愿者 {volunteers} 人，志愿服务 {services} 次。",
        "Sample community: {community} ({estates})\n{households} households, {residents} residents"
        " ({elderly_alone} elderly living alone, {needs_help} needing help); {roster} on the roster.\n"
        "{patrols} fire patrols, {hazards} hazards found, {hazards_open} still open ({overdue} overdue, {recurrences}"
        " recurring); {petitions} petitions, {agenda_matters} matters for the council; {visits}"
        " door-knocking visits; {volunteers} volunteers, {services} services given.",
    ),
    "demo_unit_heading": ("{unit} 单元的住户：", "Households of unit {unit}:"),
    "demo_next": (
        "试试：dyz --db {path} household show 2-2-301\n      dyz --db {path} card --unit 2-2 --format html -o 服务牌.html"
        "\n      dyz --db {path} visit due --unit 2-2\n      dyz --db {path} antifraud"
        "\n      dyz --db {path} report --week {week} --format html -o 周报.html"
        "\n      dyz --db {path} ledger patrols --from 2026-11-01 -o 防火巡查记录.xlsx",
        "Try:  dyz --db {path} household show 2-2-301\n      dyz --db {path} card --unit 2-2 --format html -o card.html"
        "\n      dyz --db {path} visit due --unit 2-2\n      dyz --db {path} antifraud"
        "\n      dyz --db {path} report --week {week} --format html -o report.html"
        "\n      dyz --db {path} ledger patrols --from 2026-11-01 -o patrols.xlsx",
    ),
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
    "notice_title": ("消防安全隐患整改通知书", "Fire Hazard Notice"),
    "notice_number": ("{number}", "No. {number}"),
    "notice_to": ("{household}住户：", "To the household of {household}:"),
    "notice_to_unit": ("{unit}全体住户：", "To all households of {unit}:"),
    "notice_found": (
        "{on}，我们在{where}发现{kind}{note}。",
        "On {on} we found {kind} at {where}{note}.",
    ),
    "notice_note": ("：{note}", ": {note}"),
    "notice_due_what": (
        "请于{due}（{weekday}）前整改完毕：{what}。",
        "Please put it right by {weekday} {due}: {what}.",
    ),
    "notice_soon_what": (
        "请尽快整改完毕：{what}。",
        "Please put it right as soon as you can: {what}.",
    ),
    "notice_unnumbered": ("（预览，打印时编号）", "(preview: numbered when printed)"),
    "notice_past_due": (
        "注意：整改期限 {due} 已经过了。要给新期限：dyz hazard edit {id} --due 日期，再打印。",
        "Note: the deadline {due} has passed. To give a new one: dyz hazard edit {id} --due DATE,"
        " then print again.",
    ),
    "notice_preview": (
        "这是预览，没有占用编号；打印时加 -o 通知.html（或 -f html -o 文件）才编号。",
        "This is a preview and uses no number; print with -o notice.html to number it.",
    ),
    "notice_danger": ("为什么危险：{why}", "Why it is dangerous: {why}"),
    "notice_due": (
        "请于{due}（{weekday}）前整改完毕。",
        "Please put it right by {weekday} {due}.",
    ),
    "notice_soon": ("请尽快整改完毕。", "Please put it right as soon as you can."),
    "notice_recheck": (
        "{day}起，单元长将上门复查整改情况。",
        "From {day} your unit head will come back to check.",
    ),
    "notice_recheck_soon": (
        "单元长将上门复查整改情况。",
        "Your unit head will come back to check.",
    ),
    "notice_contact": (
        "整改中有困难，请找单元长{name}，电话{phone}。",
        "If you need help, call your unit head {name} on {phone}.",
    ),
    "notice_contact_vacant": (
        "整改中有困难，请联系社区居委会。",
        "If you need help, call the community office.",
    ),
    "notice_signed_head": ("单元长（签字）：", "Unit head (signature):"),
    "notice_stamp": ("{community}（盖章）", "{community} (stamp)"),
    "notice_cut": (
        "✂ 沿此线剪下，请签字后交回单元长",
        "✂ Cut here, sign and return to your unit head",
    ),
    "notice_receipt": ("回执", "Receipt"),
    "notice_receipt_number": ("通知书编号：{number}", "Notice: {number}"),
    "notice_receipt_text": (
        "本户已收到{on}的《消防安全隐患整改通知书》（{kind}），将于{due}前整改完毕。",
        "We have received the notice of {on} ({kind}) and will put it right by {due}.",
    ),
    "notice_receipt_text_soon": (
        "本户已收到{on}的《消防安全隐患整改通知书》（{kind}），将尽快整改完毕。",
        "We have received the notice of {on} ({kind}) and will put it right soon.",
    ),
    "notice_resident_sign": ("住户签字：", "Signed for the household:"),
    "notice_date_blank": ("日期：　　年　　月　　日", "Date:"),
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
    "agenda_kept_elsewhere": (
        "另有 {count} 条在别的单元长那里（原话不外传）",
        "{count} more kept by other units' heads (their words stay there)",
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
    "agenda_title": ("“小巷回声”议事会议程（{date}）", "Residents' council agenda ({date})"),
    "agenda_matters": ("待议事项", "Matters to discuss"),
    "agenda_proposals": ("待社区答复的建议", "Proposals awaiting the office's answer"),
    "agenda_none": ("（无）", "(none)"),
    "list_sep": ("；", "; "),
    "col_waiting": ("等待天数", "days waiting"),
    "col_proposal": ("建议", "proposal"),
    "col_proposed_on": ("提出日期", "proposed on"),
    # -- sync --------------------------------------------------------------------------------------
    "progress_read": ("正在导入 {name}", "Importing {name}"),
    "progress_write": ("正在收尾 {name}", "Finishing {name}"),
    "exported": (
        "已导出 {changes}到 {path}（{size_kb} KB）。把这个文件带给对方，在对方电脑上运行 dyz import。",
        "Exported {changes} to {path} ({size_kb} KB). Take the file to the other laptop and run dyz import there.",
    ),
    "exported_with_context": (
        "已导出 {new}（连同所属记录的其余内容，共 {changes}）到 {path}（{size_kb} KB）。把这个文件带给对方，在对方电脑上运行 dyz import。",
        "Exported {new} ({changes} with the rest of their records) to {path} ({size_kb} KB). Take the file to the other laptop and run dyz import there.",
    ),
    "export_peer_or_all": ("--for 和 --all 只能选一个。", "Give either --for or --all, not both."),
    "peer_unknown": (
        "没有和“{peer}”交换过数据包。已知的电脑：{known}。第一次可以用 --all 导出全部。",
        "No bundle has come from “{peer}” yet. Known laptops: {known}. The first time, export everything with --all.",
    ),
    "peer_ambiguous": (
        "“{peer}”对应不止一台电脑，请写完整的名称或编号。",
        "“{peer}” matches several laptops; give the full name or id.",
    ),
    "imported": (
        "已导入 {path}（来自 {sender}）：新增 {added}，已有 {already} 条。",
        "Imported {path} (from {sender}): {added} added, {already} already here.",
    ),
    "import_checked": (
        "检查通过（未写入）{path}（来自 {sender}）：将新增 {added}，已有 {already} 条。",
        "Check passed, nothing written: {path} (from {sender}) would add {added}; {already} already here.",
    ),
    "import_seen_before": (
        "{path} 以前导入过了，未作改动。",
        "{path} was imported before; nothing changed.",
    ),
    "import_ignored_erased": (
        "其中 {count} 条属于已删除抹去的记录，已忽略。",
        "{count} of them belong to erased records and were left out.",
    ),
    "import_some_refused": (
        "{total} 个数据包中有 {refused} 个没有导入（原因见上），其余的已导入。",
        "{refused} of the {total} bundles were not imported (see above); the others were.",
    ),
    "import_erasures_more": ("……另有 {more} 户", "… and {more} more"),
    "import_conflicts_by_field": ("其中：{fields}。", "Of them: {fields}."),
    "import_conflicts_more": (
        "另有 {more} 处没有列出，dyz conflicts list 可以全部查看。",
        "{more} more are not listed here: dyz conflicts list shows them all.",
    ),
    "import_conflicts": (
        "发现 {conflicts}（两台电脑改了同一项），已暂按较新的修改显示。请用 dyz conflicts 查看并决定。",
        "Found {conflicts} (the same field changed on two laptops); the later change shows for now. See dyz conflicts.",
    ),
    "export_nothing_new": (
        "没有新的修改要导出：{peer}已经有了本机的全部内容，没有写文件。如果对方没收到上次的文件，请用 dyz export --all。",
        "Nothing new to export: {peer} already holds everything here, so no file was written. If the last file never arrived, use dyz export --all.",
    ),
    "export_nothing_new_plain": (
        "没有新的修改要导出：上次导出之后本机没有新内容，交换过的电脑也都有了，没有写文件。要给某台电脑补发，请用 dyz export --for 名称 或 --all。",
        "Nothing new to export: nothing has changed here since the last export that the laptops heard from lack, so no file was written. To send a laptop what it lacks, use dyz export --for NAME or --all.",
    ),
    "export_receipt_only": (
        "没有新的修改；写了一个只有回执的小文件 {path}：对方导入后就知道本机已收到它的数据，下次只发新的。",
        "Nothing new; {path} is a small receipt: once imported there, the other laptop knows its data arrived here and next time sends only what is new.",
    ),
    "export_peer_first_time": (
        "还没有收到过“{peer}”的数据包，不知道它已有什么，所以导出了全部。",
        "No bundle has come from “{peer}” yet, so what it holds is unknown: everything was exported.",
    ),
    "export_scoped": (
        "只含{scope}的住户和记录，以及全社区共用的名册、种类和议事会事项。",
        "It holds only the households and records of {scope}, with what the whole community shares (roster, kinds, council matters).",
    ),
    "peer_scope_set": (
        "以后给“{peer}”导出时只含{scope}。",
        "From now on, exports for “{peer}” hold only {scope}.",
    ),
    "peer_scope_cleared": (
        "以后给“{peer}”导出全部内容。",
        "From now on, exports for “{peer}” hold everything.",
    ),
    "import_own": (
        "{path} 是本机自己导出的数据包，不用导入，未作改动。",
        "{path} was exported by this laptop itself: nothing to import, nothing changed.",
    ),
    "import_scoped": (
        "这个数据包只含{scope}的内容；其余部分以后交换全部时还会补上。",
        "This bundle holds only {scope}; the rest will still come with a wider exchange.",
    ),
    "import_community_adopted": (
        "本机的社区设为“{community}”（来自数据包）。",
        "This laptop's community is now “{community}” (from the bundle).",
    ),
    "import_other_community": (
        "数据包 {path} 来自“{theirs}”，本机是“{ours}”的工作本，两个社区的数据不能合并。数据未作任何改动。",
        "The bundle {path} comes from “{theirs}”, and this is the notebook of “{ours}”: two communities cannot be merged. Nothing was changed.",
    ),
    "bundle_not_a_file": (
        "这不是一个普通文件（可能是文件夹或设备）",
        "it is not an ordinary file (a folder or a device?)",
    ),
    "bundle_utf16": (
        "文件被存成了 UTF-16（“Unicode”）格式；请用记事本“另存为”，编码选 UTF-8",
        "it was saved as UTF-16 (“Unicode”); open it in Notepad, Save As, and choose UTF-8",
    ),
    "bundle_too_big_to_walk": (
        "文件超过 {limit_mb} MB，而且被别的程序改过格式，读不了；请让对方用 dyz 重新导出（dyz 写的数据包多大都能读）",
        "it is over {limit_mb} MB and was reshaped by another program; ask for a new export from dyz (a bundle dyz writes can be any size)",
    ),
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
    "conflict_pick_side": (
        "“{field}”不能手工填写，请选 --keep mine（本机的）或 --keep theirs（对方的）。",
        "“{field}” cannot be typed in: choose --keep mine or --keep theirs.",
    ),
    "bundle_refused": (
        "数据包 {path} 不能导入{where}：{problem}。数据未作任何改动。",
        "The bundle {path} was refused{where}: {problem}. Nothing was changed.",
    ),
    "bundle_where_line": ("（第 {line} 行）", " (line {line})"),
    "bundle_unreadable": ("读不到这个文件", "the file cannot be read"),
    "bundle_newer": (
        "它来自更新版本的 dyz（格式 {version}，本程序只认识到 {supported}），请升级 dyz",
        "it was made by a newer dyz (version {version}; this one knows up to {supported}): upgrade dyz",
    ),
    "bundle_not_utf8": (
        "文件不是 UTF-8 文本，可能已损坏",
        "it is not UTF-8 text; it may be damaged",
    ),
    "bundle_nul": (
        "文件里有空字符（NUL），可能已损坏",
        "it holds a NUL character; it may be damaged",
    ),
    "bundle_not_yaml": (
        "不是有效的 YAML（{detail}），文件可能不完整或已损坏",
        "it is not valid YAML ({detail}); it may be cut short or damaged",
    ),
    "bundle_empty": ("文件是空的", "the file is empty"),
    "bundle_several_documents": ("文件里有多个 YAML 文档", "it holds several YAML documents"),
    "bundle_not_mapping": ("文件的最外层不是一个映射（键: 值）", "its top level is not a mapping"),
    "bundle_tag": (
        "含有 YAML 标签 {tag}，数据包里不允许",
        "it holds the YAML tag {tag}, which bundles never use",
    ),
    "bundle_alias": (
        "含有 YAML 锚点或别名（&、*），数据包里不允许",
        "it holds a YAML anchor or alias (& or *), which bundles never use",
    ),
    "bundle_too_deep": ("嵌套层数太深", "it is nested too deeply"),
    "bundle_duplicate_key": ("键“{key}”出现了两次", "the key “{key}” appears twice"),
    "bundle_bad_key": ("键“{key}”不合规", "the key “{key}” is not allowed"),
    "bundle_unknown_field": ("不认识的项“{key}”", "unknown field “{key}”"),
    "bundle_missing_field": ("缺少“{key}”", "“{key}” is missing"),
    "bundle_not_dyz": ("这不是 dyz 数据包", "it is not a dyz bundle"),
    "bundle_bad_header": ("文件头里的“{key}”不对", "the header's “{key}” is wrong"),
    "bundle_checksum": (
        "校验和不符：文件在复制或传送中被改动或截断了，请让对方重新导出",
        "the checksum does not match: the file was changed or cut short on the way; ask for a new export",
    ),
    "bundle_counts": (
        "条数不符（文件头说 {expected}，实际 {found}）",
        "the counts do not match (header {expected}, body {found})",
    ),
    "bundle_unknown_table": ("不认识的表“{table}”", "unknown table “{table}”"),
    "bundle_bad_record": (
        "记录格式不对（需要 table、id、changes）",
        "a record is malformed (table, id and changes needed)",
    ),
    "bundle_bad_change": ("修改记录格式不对（{detail}）", "a change is malformed ({detail})"),
    "bundle_bad_value": (
        "“{field}”的值不对（{detail}）",
        "the value of “{field}” is wrong ({detail})",
    ),
    "own_clock_behind": (
        "注意：本机的日期显示 {now}，却比本机记下的最后一条修改（{last}）还早，这台电脑的日期不对"
        "（常见原因是主板电池没电了）。请把日期和时间改正；已经记下的修改不会丢失。"
        "如果日期本来就对，请运行 dyz doctor 检查。",
        "Note: this laptop's date says {now}, earlier than the last change it recorded ({last}):"
        " its date is wrong (often a flat battery). Please set the date and time right; no"
        " change recorded is lost. If the date is right, run dyz doctor.",
    ),
    "own_clock_ahead": (
        "注意：本机的日期显示 {now}，比最后收到的数据包（{last}）晚了一年多，这台电脑的日期可能不对。"
        "请检查日期和时间：日期改正之前导出的数据包，别的电脑会拒收。",
        "Note: this laptop's date says {now}, more than a year after the last bundle it received"
        " ({last}): its date may be wrong. Please check the date and time: other laptops refuse"
        " bundles exported before it is set right.",
    ),
    "bundle_bad_signature": (
        "它自称来自“{name}”，签名却对不上：文件被人改过。请让对方重新导出一份",
        "it claims to come from “{name}”, but its signature does not match: the file was"
        " altered. Ask for a new export",
    ),
    "bundle_unsigned": (
        "它自称来自“{name}”，却没有签名，而“{name}”以前的数据包都有签名：可能是别人冒充。"
        "请向对方核实，让对方用新版 dyz 重新导出",
        "it claims to come from “{name}” but is not signed, and “{name}”'s bundles so far were:"
        " it may be someone passing for it. Check with them, and ask for a new export",
    ),
    "bundle_key_changed": (
        "它自称来自“{name}”，签名用的密钥（指纹 {theirs}）却不是本机记住的那把（指纹 {known}）："
        "可能是别人冒充。请打电话向对方核对指纹（对方运行 dyz init 可看到自己的指纹）",
        "it claims to come from “{name}”, but is signed with another key (fingerprint"
        " {theirs}) than the one this laptop knows (fingerprint {known}): it may be someone"
        " passing for it. Phone them and compare fingerprints (they see theirs in dyz init)",
    ),
    "bundle_office_list_forged": (
        "它带的“{office}”接纳名单签名对不上：名单被改过。请让对方重新导出",
        "the list of admitted laptops it carries for “{office}” does not match its signature: it"
        " was altered. Ask for a new export",
    ),
    "bundle_other_office": (
        "它带的是另一个社区办公室“{theirs}”（指纹 {their_fingerprint}）的名单，本机只认"
        "“{ours}”（指纹 {our_fingerprint}）。请向社区办公室核实",
        "it carries the list of another community office, “{theirs}” (fingerprint"
        " {their_fingerprint}); this laptop trusts only “{ours}” (fingerprint {our_fingerprint})."
        " Check with the community office",
    ),
    "bundle_not_member": (
        "“{name}”不在“{office}”接纳的电脑名单上。请它先把数据包交给社区办公室，接纳后再交换；"
        "如果刚接纳，先导入社区办公室最新的数据包",
        "“{name}” is not on the list of laptops “{office}” has admitted. It should first give"
        " a bundle to the community office; if it was admitted just now, import the office's"
        " latest bundle first",
    ),
    "bundle_sender_revoked": (
        "“{office}”已于{date}撤销了“{name}”，不再接受它的数据包",
        "“{office}” revoked “{name}” on {date}: its bundles are no longer accepted",
    ),
    "bundle_request_unsigned": (
        "“{name}”想加入本社区，但它的数据包没有签名：请那台电脑先升级 dyz，再导出一次",
        "“{name}” asks to join, but its bundle is not signed: update dyz on that laptop first,"
        " then export again",
    ),
    "bundle_member_unverified": (
        "“{name}”在“{office}”的名单上，但办公室还没有核对过它的指纹：请它先把数据包交给社区办公室核对",
        "“{name}” is on the list of “{office}”, but the office has not checked its fingerprint"
        " yet: it should first give a bundle to the community office",
    ),
    "bundle_request_key_differs": (
        "又一个自称“{name}”的入网请求，指纹（{theirs}）和先前那个（{first}）不一样：可能有人冒充。"
        "请打电话让对方念出指纹，用 dyz members admit {name} --fingerprint 念的指纹 接纳对的那个",
        "another request to join claiming “{name}”, with another fingerprint ({theirs}) than the"
        " first ({first}): someone may be passing for it. Phone them, and admit the right one"
        " with dyz members admit {name} --fingerprint WHAT-THEY-READ",
    ),
    "bundle_too_many_requests": (
        "已经有 {count} 个入网请求在等待：先处理它们（dyz members），再导入新的",
        "{count} requests to join are waiting already: deal with them (dyz members) first",
    ),
    "bundle_span_forged": (
        "里面“{device}”签过名的修改清单对不上它的签名：修改被改过、少了或多了。请让对方重新导出",
        "the list of changes “{device}” signed does not match its signature: changes were"
        " altered, left out or added. Ask for a new export",
    ),
    "bundle_unproven": (
        "里面有“{device}”的修改，却没有“{device}”的签名：可能是别人冒充它。"
        "请让转交的电脑先导入“{device}”最新的数据包，再重新导出",
        "it carries changes of “{device}” without the signature of “{device}”: someone may be"
        " passing for it. Ask the laptop that relayed them to import the latest bundle of"
        " “{device}” first, then export again",
    ),
    "bundle_change_by_stranger": (
        "里面有“{device}”做的修改，它不是社区办公室接纳的电脑：可能是别人冒充",
        "it carries changes made by “{device}”, which the community office has not admitted: it"
        " may be someone passing for a laptop",
    ),
    "bundle_change_after_revoked": (
        "里面有“{device}”在被社区办公室撤销（{date}）之后做的修改，不能接受",
        "it carries changes “{device}” made after the community office revoked it (on {date}),"
        " which are not accepted",
    ),
    "export_sealed": (
        "已加密：只有“{peer}”能打开这个文件，可以放心经微信或U盘转交。",
        "Encrypted: only “{peer}” can open this file; it may travel by WeChat or USB stick.",
    ),
    "export_no_key": (
        "注意：“{peer}”还没有发来过签名的数据包（可能是旧版 dyz），本机不知道它的密钥，"
        "文件没有加密，里面有居民的个人信息：请当面交给对方，不要发到群里。",
        "Note: “{peer}” has not sent a signed bundle yet (an earlier dyz?), so its key is not"
        " known and the file is not encrypted; it holds residents' personal data: hand it over"
        " in person, never post it to a group.",
    ),
    "export_plain_warning": (
        "注意：这个文件没有加密，里面有居民的个人信息（姓名、电话等），谁拿到都能看：请当面或用U盘交给对方，"
        "不要发到群里。要加密，请用 dyz export --for 对方电脑的名称。",
        "Note: this file is not encrypted and holds residents' personal data (names, phones…)"
        " that anyone holding it can read: hand it over in person or on a USB stick, never post"
        " it to a group. To encrypt it: dyz export --for THE-OTHER-LAPTOP.",
    ),
    "export_plain_asked": (
        "注意：按 --plain 没有加密，里面有居民的个人信息（姓名、电话等），谁拿到都能看：请当面或用U盘交给对方，"
        "不要发到群里。去掉 --plain 就会加密。",
        "Note: as --plain asked, this file is not encrypted, and it holds residents' personal"
        " data (names, phones…) that anyone holding it can read: hand it over in person or on a"
        " USB stick, never post it to a group. Leave out --plain to encrypt it.",
    ),
    "export_revoked": (
        "“{peer}”已被社区办公室撤销，不再给它导出数据。",
        "“{peer}” was revoked by the community office: nothing is exported for it any more.",
    ),
    "import_me_revoked": (
        "注意：社区办公室已经撤销了本机（“{me}”）：本机此后做的修改，其他电脑都不会接受。请联系社区办公室。",
        "Note: the community office has revoked this laptop (“{me}”): no other laptop accepts"
        " the changes it makes from now on. Please contact the community office.",
    ),
    "import_revoked_now": (
        "社区办公室的新名单撤销了：{names}。它们此后做的修改不再被接受。",
        "The office's new list revokes {names}: the changes they make from now on are not"
        " accepted.",
    ),
    "member_unknown_none_waiting": (
        "没有“{peer}”的入网请求，目前也没有等待接纳的电脑：请先导入它交来的数据包",
        "No request to join from “{peer}”, and none waiting: import the bundle it gave first.",
    ),
    "members_empty_known": (
        "名单上还没有电脑。本机以前和 {count} 台电脑交换过数据：可以用 dyz members admit --known 一次接纳它们",
        "No laptop on the list yet. This laptop exchanged with {count} laptops before: admit"
        " them all with dyz members admit --known.",
    ),
    "import_join_request": (
        "{path}：这是“{sender}”（指纹 {fingerprint}）请求加入本社区，没有导入任何内容。"
        "请打电话让对方念出它的指纹（对方运行 dyz init 可看到），运行"
        "  dyz members admit {sender} --fingerprint 念的指纹  ，再导入一次这个文件",
        "{path}: this is “{sender}” (fingerprint {fingerprint}) asking to join the community;"
        " nothing was imported. Phone them and have them read out their fingerprint (dyz init"
        " shows it), run  dyz members admit {sender} --fingerprint WHAT-THEY-READ  and import this"
        " file again",
    ),
    "import_office_trusted": (
        "本机从此认定“{office}”为社区办公室（指纹 {fingerprint}），只接受它接纳的电脑的数据包。"
        "请打电话向社区办公室核对这个指纹；不一致请立刻告诉社区办公室",
        "From now on this laptop trusts “{office}” as the community office (fingerprint"
        " {fingerprint}) and accepts bundles only from laptops it admitted. Phone the office to"
        " compare this fingerprint; if it differs, tell the office at once",
    ),
    "doctor_mark_ok": ("[正常] ", "[ok] "),
    "doctor_mark_bad": ("[要处理] ", "[to do] "),
    "doctor_looking": ("检查工作本：{path}", "Checking the notebook: {path}"),
    "doctor_ok_integrity": (
        "文件完整（SQLite 完整性检查）",
        "The file is whole (SQLite's integrity check)",
    ),
    "doctor_bad_integrity": (
        "文件损坏：SQLite 找到 {problems} 处问题",
        "The file is damaged: SQLite found {problems} problems",
    ),
    "doctor_ok_foreign_keys": ("记录之间的关联完整", "Records point only to records that exist"),
    "doctor_bad_foreign_keys": (
        "{problems} 条记录指向不存在的记录",
        "{problems} records point to records that do not exist",
    ),
    "doctor_ok_log": (
        "修改记录都完好（内容和编号对得上）",
        "Every change in the log is intact (content matches its id)",
    ),
    "doctor_log_size": (
        "       修改记录占 {log}，是由它推出的各表（{tables}）的 {ratio} 倍",
        "       The change log takes {log}, {ratio}× the tables derived from it ({tables})",
    ),
    "doctor_bad_log": (
        "有 {damaged} 条修改记录被改坏了（内容和编号对不上），只能从备份或社区办公室的数据包找回",
        "{damaged} changes in the log are damaged (content no longer matches the id): only a"
        " backup or the office's bundle can bring them back",
    ),
    "doctor_ok_tables": ("各个表格和修改记录一致", "The tables agree with the change log"),
    "doctor_bad_tables": (
        "有 {rows} 行表格和修改记录不一致（{tables}）：dyz doctor --repair 会按修改记录重建",
        "{rows} rows of the tables disagree with the change log ({tables}): dyz doctor"
        " --repair rebuilds them from the log",
    ),
    "doctor_bad_tables_unchecked": (
        "表格没能和修改记录对照：照着修改记录重建没有成功。请先备份（dyz backup），再把这句话告诉维护人员",
        "The tables could not be compared with the change log: rebuilding from the log failed."
        " Back up first (dyz backup), then tell whoever looks after dyz",
    ),
    "doctor_ok_temporaries": (
        "没有中断留下的临时文件",
        "No temporary files left by an interruption",
    ),
    "doctor_bad_temporaries": (
        "有 {count} 个中断留下的临时文件（{files}），里面可能有住户信息：dyz doctor --repair 会删掉",
        "{count} temporary files left by an interruption ({files}), which may hold personal"
        " data: dyz doctor --repair removes them",
    ),
    "doctor_ok_modes": ("工作本文件只有本人能读", "Only you can read the notebook's files"),
    "doctor_bad_modes": (
        "{files} 别人也能读：dyz doctor --repair 会改成只有本人能读",
        "Others can read {files}: dyz doctor --repair makes them yours alone",
    ),
    "doctor_bad_folder": (
        "工作本所在的文件夹 {folder} 这台电脑上的其他人（{who}）也能打开：把工作本放回默认位置"
        "（不设 --db 和 DYZ_DB），或运行 {command}",
        "The notebook's folder {folder} lets others on this laptop in ({who}): keep the notebook"
        " in the default folder (no --db, no DYZ_DB), or run {command}",
    ),
    "doctor_ok_backup": ("上次备份在 {day}", "Last backed up on {day}"),
    "doctor_ok_no_backup_yet": ("还没到要备份的时候", "Nothing needs a backup yet"),
    "doctor_bad_backup": (
        "{since}没有备份：运行 dyz backup -o U盘上的文件",
        "Not backed up {since}: run dyz backup -o FILE (on a USB stick)",
    ),
    "doctor_ok_retention": (
        "没有迁出很久的居民信息",
        "No personal data of residents who left long ago",
    ),
    "doctor_bad_retention": (
        "{residents} 位居民迁出已超过 {days} 天，他们的信息已不再需要：dyz doctor --repair 会（经您确认后）抹去",
        "{residents} residents moved out more than {days} days ago and their data is no longer"
        " needed: dyz doctor --repair erases it (once you confirm)",
    ),
    "doctor_retention_confirm": (
        "抹去这 {count} 位迁出已久的居民的信息吗？抹去后无法恢复。",
        "Erase these {count} residents who left long ago? This cannot be undone.",
    ),
    "doctor_retention_needs_yes": (
        "迁出已久的居民没有抹去：抹去无法恢复，请在终端里确认，或加 --yes。",
        "Residents who left long ago were not erased: it cannot be undone, so confirm at a"
        " terminal, or add --yes.",
    ),
    "doctor_ok_clock": ("本机时钟和修改的时间正常", "The clock and the changes' times are sound"),
    "doctor_mended": ("已修好：{checks}", "Mended: {checks}"),
    "doctor_problems": (
        "检查完毕：有 {count} 项要处理（见上面标着“要处理”的行）。",
        "Checked: {count} things to see to (the lines marked “to do” above).",
    ),
    "doctor_damaged_rebuildable": (
        "工作本损坏了，但修改记录完好，可以按修改记录重建：运行 dyz doctor --repair（损坏的文件会留在旁边，不删）。",
        "The notebook is damaged, but its change log is intact and it can be rebuilt from it:"
        " run dyz doctor --repair (the damaged file is kept beside it, not deleted).",
    ),
    "doctor_damaged_lost": (
        "工作本损坏了，修改记录也读不全，没法自己重建。请从备份恢复：dyz restore 备份文件；"
        "没有备份时，请社区办公室为本机导出数据包（dyz export --for 本机），在一台新电脑上 dyz init 后 dyz import 它。",
        "The notebook is damaged and its change log cannot be read whole, so it cannot be"
        " rebuilt here. Restore a backup: dyz restore FILE; without one, ask the office to"
        " export a bundle for this laptop (dyz export --for LAPTOP) and, on a fresh notebook,"
        " dyz init, then dyz import it.",
    ),
    "doctor_rebuilt": (
        "已按修改记录重建工作本：{path}。损坏的文件留在 {aside}。",
        "The notebook was rebuilt from its change log: {path}. The damaged file is kept at"
        " {aside}.",
    ),
    "erased_traces_pending": (
        "另一个 dyz 窗口还开着这个工作本，抹去的内容还有一份留在它的临时记录里：关掉那个窗口，下次运行 dyz 时就清除干净。",
        "Another dyz window still has the notebook open, and a copy of what was erased is left"
        " in its log: close that window, and it is cleared the next time dyz runs.",
    ),
    "handover_no_office": (
        "本机没有加入社区办公室，没法确认办公室已收到数据，所以没有删除。",
        "This laptop has joined no office, so there is no office to confirm it holds the"
        " data; nothing was deleted.",
    ),
    "handover_is_office": (
        "这是社区办公室的电脑，不能交接给自己。",
        "This is the office's laptop: it cannot hand over to itself.",
    ),
    "handover_office_lacks": (
        "“{office}”还没有确认收到本机的 {count} 条修改，所以没有删除。请先 dyz export --for {office}，"
        "请办公室导入后再导出一份给本机，本机 dyz import 它，然后再运行 dyz handover。",
        "“{office}” has not yet confirmed {count} changes this laptop holds, so nothing was"
        " deleted. Export them (dyz export --for {office}), have the office import them and"
        " send a bundle back, import that here, then run dyz handover again.",
    ),
    "handover_needs_yes": (
        "交接会永久删除本机的工作本：请在终端里确认，或加上 --yes。",
        "A handover deletes this laptop's notebook for good: confirm at a terminal, or add --yes.",
    ),
    "handover_confirm": (
        "“{office}”已收到全部数据。现在永久删除本机的工作本吗？",
        "“{office}” holds everything. Delete this laptop's notebook for good now?",
    ),
    "handover_done": (
        "已交接：“{office}”保存着全部数据，本机的工作本 {path} 已清零并删除。谢谢您做单元长的这些日子。",
        "Handed over: “{office}” holds everything, and this laptop's notebook {path} was"
        " overwritten and deleted. Thank you for your time as unit head.",
    ),
    "handover_backup_left": (
        "别忘了：备份文件 {path}（以及导出过的数据包）里也有住户信息，请一并删掉或交给办公室。",
        "Remember: the backup {path} (and any bundles exported) hold personal data too:"
        " delete them or give them to the office.",
    ),
    "undo_nothing": (
        "本机还没有可以撤销的命令。",
        "This laptop has no command to take back.",
    ),
    "undo_erasure": (
        "上一条命令抹去了信息，抹去的无法撤销（这是有意的：信息已经真正删掉了）。",
        "The last command erased personal data, and an erasure cannot be taken back (on"
        " purpose: the data is really gone).",
    ),
    "undo_about": ("要撤销的是：{command}", "This would take back: {command}"),
    "undo_confirm": ("撤销它吗？", "Take it back?"),
    "undo_needs_yes": (
        "撤销前要确认：请在终端里运行 dyz undo，或加上 --yes。",
        "An undo is confirmed first: run dyz undo at a terminal, or add --yes.",
    ),
    "undo_done": (
        "已撤销：{restored} 项改回原样，{erased} 条新记下的删去了。撤销会随下一次导出传到其他电脑。",
        "Taken back: {restored} fields restored, {erased} new records removed. The undo"
        " travels with the next export.",
    ),
    "undo_kept": (
        "这几项后来又改过，没有动：{fields}",
        "These were changed again since and were left as they are: {fields}",
    ),
    "log_cleared": ("（清空）", "(cleared)"),
    "yes_word": ("是", "yes"),
    "no_word": ("否", "no"),
    "log_erased_record": ("一条已抹去的{what}", "an erased {what}"),
    "log_count": ("{what} {count} 条", "{count} × {what}"),
    "log_added": ("登记了{what}", "added {what}"),
    "log_changed_many": ("修改了{what}", "changed {what}"),
    "log_erased": ("抹去了一条{kind}记录", "erased a {kind}"),
    "log_erased_many": ("抹去了{what}", "erased {what}"),
    "log_added_one": ("登记了{kind}{what}", "added {kind}{what}"),
    "log_field_to": ("{field}改为 {value}", "{field} to {value}"),
    "log_changed": ("把{what}的{fields}", "changed {what}: {fields}"),
    "log_kind": ("{kind} ", "the {kind} "),
    "log_matter": ("{kind}“{words}”（{place}）", "{kind} “{words}” ({place})"),
    "log_step": ("把{what}记为 {step}", "marked {what}: {step}"),
    "log_step_note": ("：{note}", ": {note}"),
    "log_nothing": ("没有找到修改记录。", "No changes found."),
    "log_no_laptop": (
        "没有叫“{name}”的电脑。见 dyz peers。",
        "No laptop is called “{name}”; see dyz peers.",
    ),
    "doctor_healthy": ("检查完毕：工作本一切正常。", "Checked: the notebook is in good order."),
    "doctor_clock_ahead": (
        "本机的时钟被推到了 {date}（以前的版本导入过日期错误的数据包），新记下的修改会带着错误的时间。",
        "This laptop's clock was pushed to {date} (an earlier version imported a bundle from a"
        " laptop with a wrong date): new changes would carry a wrong time.",
    ),
    "doctor_poisoned": (
        "有 {count} 条修改的时间戳在未来或已到尽头（自称来自：{laptops}），新版 dyz 的其他电脑会拒收带着它们的数据包。",
        "{count} changes carry a stamp in the future or at its end (claiming to come from"
        " {laptops}); other laptops with this dyz refuse bundles that carry them.",
    ),
    "doctor_own_date_behind": (
        "本机的日期不对：收到的数据包是 {made} 做的，比本机的日期还晚。请先把本机的日期和时间改正，"
        "再运行 dyz doctor；在这之前不做任何修复，数据都不会丢。",
        "This laptop's date is wrong: the bundles it received were made on {made}, after this"
        " laptop's date. Set its date and time right first, then run dyz doctor again; nothing"
        " is mended before that, and nothing is lost.",
    ),
    "doctor_office_list": (
        "本机存的社区办公室名单，时间戳在未来：以后的新名单会被忽略。",
        "The office's list this laptop holds is stamped in the future: later lists would be"
        " ignored.",
    ),
    "doctor_repair_hint": (
        "运行 dyz doctor --repair 修复：每条修改都会保留（以本机的名义、用正确的时间重新记下），"
        "修复会随下一次导出传到其他电脑。",
        "Run dyz doctor --repair to mend it: every change is kept (recorded again by this"
        " laptop with a sound time), and the repair travels with the next export.",
    ),
    "doctor_repaired": (
        "已修复：时钟回到正确的时间；{remade} 条修改用正确的时间重新记下，{dropped} 条已由别的电脑重新记下，"
        "直接去掉。请导出一次，把修复带给其他电脑。",
        "Mended: the clock is back to a sound time; {remade} changes recorded again with a sound"
        " time, {dropped} already recorded again by another laptop and dropped. Export once to"
        " take the repair to the other laptops.",
    ),
    "doctor_ok_schema": (
        "工作本的结构和 dyz 建的一样",
        "The notebook's tables, indexes and triggers are dyz's own",
    ),
    "doctor_bad_schema_extra": (
        "工作本里有 dyz 不会建的{kind} {name}：dyz doctor --repair 会删掉它{data}",
        "The notebook holds a {kind} dyz never makes, {name}: dyz doctor --repair drops it{data}",
    ),
    "doctor_bad_schema_altered": (
        "dyz 的{kind} {name} 被改过：dyz doctor --repair 会按 dyz 的样子重建它",
        "dyz's {kind} {name} was altered: dyz doctor --repair makes it again as dyz does",
    ),
    "doctor_bad_schema_table": (
        "dyz 的表 {name} 被改过或不见了：修不了，请从备份恢复（dyz restore 备份文件）",
        "dyz's table {name} was altered or is missing: it cannot be mended here; restore a"
        " backup (dyz restore FILE)",
    ),
    "doctor_bad_schema_missing": (
        "dyz 的{kind} {name} 不见了：dyz doctor --repair 会按 dyz 的样子重建它",
        "dyz's {kind} {name} is missing: dyz doctor --repair makes it again as dyz does",
    ),
    "doctor_schema_data": ("（表里的内容也一起删掉）", " (and what the table holds)"),
    "doctor_schema_first": (
        "先处理上面这些，其他检查要等工作本的结构恢复正常后才做：dyz doctor --repair",
        "See to these first; the other checks wait until the notebook is dyz's own shape"
        " again: dyz doctor --repair",
    ),
    "doctor_schema_dropped": (
        "已修好工作本的结构（{objects}）：多出的已删掉，被改过的已按 dyz 的样子重建。",
        "Mended the notebook's shape ({objects}): what was extra is gone, what was altered is"
        " made again as dyz makes it.",
    ),
    "office_other_trusted": (
        "本机已经认定“{office}”为社区办公室，不能再做办公室",
        "This laptop already trusts “{office}” as the community office; it cannot be one itself.",
    ),
    "office_made": (
        "本机现在是社区办公室。单元长的电脑第一次交来的数据包是入网请求；"
        "核对指纹后用 dyz members admit 名称 接纳",
        "This laptop is now the community office. A unit head's first bundle is a request to"
        " join; compare fingerprints, then admit it with dyz members admit NAME.",
    ),
    "office_made_known": (
        "本机以前已经和 {count} 台电脑交换过数据，可以用 dyz members admit --known 一次接纳它们",
        "This laptop has exchanged with {count} laptops before: admit them all with"
        " dyz members admit --known.",
    ),
    "members_no_office": (
        "本机还没有社区办公室：办公室的电脑用 dyz init --office 设立；"
        "单元长的电脑导入办公室的数据包后就认定它",
        "No community office yet: the office's laptop runs dyz init --office; a unit head's"
        " laptop trusts the office once it imports one of the office's bundles.",
    ),
    "members_office_only": (
        "只有社区办公室（{office}）的电脑能接纳或撤销电脑",
        "Only the community office's laptop ({office}) admits or revokes laptops.",
    ),
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
    "members_known_none": (
        "没有需要接纳的电脑：交换过的电脑都已在名单上",
        "No laptop to admit: every laptop heard from is on the list.",
    ),
    "members_known_listed": (
        "以下 {count} 台电脑以前交换过数据，将一起接纳：",
        "These {count} laptops exchanged with this one before and will be admitted:",
    ),
    "members_admit_whom": (
        "请写出要接纳的电脑，如 dyz members admit 2-2单元长；或用 --known 接纳以前交换过的全部电脑",
        "Name the laptop to admit, e.g. dyz members admit NAME; or --known for every laptop"
        " heard from before.",
    ),
    "members_revoke_confirm": (
        "撤销“{peer}”后，它做的修改在所有电脑上都不再被接受。确定吗？",
        "Once “{peer}” is revoked, no laptop accepts the changes it makes. Revoke it?",
    ),
    "members_need_fingerprint": (
        "接纳前要核对指纹：请加上 --fingerprint 对方电话里念的指纹（在终端里运行会先问您）",
        "Compare the fingerprint before admitting: add --fingerprint WHAT-THEY-READ (in a"
        " terminal it asks you first)",
    ),
    "members_need_yes": (
        "这一步要您确认：在终端里运行会先问您；不在终端时请加上 --yes",
        "This step needs your confirmation: in a terminal it asks you; otherwise add --yes",
    ),
    "members_admit_confirm": (
        "“{name}”的指纹是 {fp}。和对方电话里念的一样吗？一样才接纳",
        "The fingerprint of “{name}” is {fp}. Is it what they read out over the phone? Admit"
        " only if it is",
    ),
    "members_admit_confirm_nokey": (
        "“{name}”用的是旧版 dyz，没有指纹可核对。确定接纳吗？",
        "“{name}” runs an earlier dyz and has no fingerprint to compare. Admit it all the same?",
    ),
    "members_known_confirm": ("核对无误，全部接纳吗？", "Admit them all?"),
    "members_known_done": ("已接纳 {count} 台电脑。", "Admitted {count} laptops."),
    "members_heading": (
        "社区办公室：{office}（指纹 {fingerprint}）",
        "Community office: {office} (fingerprint {fingerprint})",
    ),
    "member_state_admitted": ("已接纳", "admitted"),
    "member_state_revoked": ("已撤销", "revoked"),
    "member_state_requested": ("等待接纳", "waiting"),
    "col_member_state": ("状态", "state"),
    "col_member_since": ("时间", "since"),
    "bundle_not_for_me": (
        "这个数据包是发给“{name}”的，本机打不开。请把它交给“{name}”；"
        "要给本机的，请对方用 dyz export --for {me} 重新导出",
        "this bundle is for “{name}”: this laptop cannot open it. Give it to “{name}”; for a"
        " bundle for this laptop, ask the sender to export again with dyz export --for {me}",
    ),
    "bundle_sealed_not_mine_key": (
        "它是加密给本机的，却不是用本机现在的密钥加密的，本机打不开。请对方导入本机最新的数据包后"
        "重新导出；本机的工作本一切正常，不要删除或重建",
        "it is encrypted for this laptop, but not to this laptop's present key, so it cannot be"
        " opened. Ask the sender to import this laptop's latest bundle and export again; this"
        " notebook is fine: do not delete or rebuild it",
    ),
    "bundle_sealed_damaged": (
        "加密的内容被改动或损坏了（可能是传输时出了错），打不开。请对方重新发送一次；"
        "本机的工作本一切正常，不要删除或重建",
        "its encrypted content was altered or damaged (perhaps on the way), so it cannot be"
        " opened. Ask for the file again; this notebook is fine: do not delete or rebuild it",
    ),
    "bundle_sealed_truncated": (
        "加密的文件不完整（只传了一部分），打不开。请对方重新发送一次完整的文件；"
        "本机的工作本一切正常，不要删除或重建",
        "the encrypted file is incomplete (only part of it arrived), so it cannot be opened. Ask"
        " for the whole file again; this notebook is fine: do not delete or rebuild it",
    ),
    "bundle_claims_me": (
        "里面有 {count} 条修改自称是本机（{name}）做的，本机却没有：是别处冒充本机写的",
        "{count} of its changes claim to be made by this laptop ({name}), which has no such"
        " change: they were written elsewhere, passing for this laptop",
    ),
    "bundle_incomplete": (
        "一条新的{record}记录缺少{fields}，用命令登记的记录不会这样",
        "a new {record} lacks its {fields}, which its command always records",
    ),
    "bundle_clock_ahead": (
        "里面的修改是“{device}”在 {date} 做的，比本机的时钟快了一天以上：那台电脑的日期不对。"
        "请把那台电脑的日期和时间改正（日期本来就对的话，在那台电脑上运行 dyz doctor --repair），"
        "在那台电脑上重新导出，再导入新的数据包",
        "its changes were made by “{device}” on {date}, more than a day ahead of this laptop's"
        " clock: that laptop's date is wrong. Set its date and time right (if the date is right,"
        " run dyz doctor --repair on it), export again on it, and import the new bundle",
    ),
    "bundle_bad_id": (
        "修改的编号与内容不符：内容被改动过",
        "a change's id does not match its content: it was altered",
    ),
    "bundle_unknown_reference": (
        "所指的{table} {ref}… 在本机和数据包里都没有",
        "the {table} {ref}… it names is neither here nor in the bundle",
    ),
    "table_household": ("住户", "household"),
    "table_visit": ("走访", "visit"),
    "table_hazard": ("隐患", "hazard"),
    "conflict_line": (
        "  {what}的{field}：{values}（编号 {id}）",
        "  {field} of {what}: {values} (id {id})",
    ),
    "conflict_not_found": (
        "找不到编号以 {id} 开头的冲突，见 dyz conflicts。",
        "No conflict id starts with {id}; see dyz conflicts.",
    ),
    "conflict_keep_value": (
        "冲突 {id} 的两边不是“本机”和“对方”各一个，请直接写要保留的值：--keep 值",
        "Conflict {id} is not one value from this laptop and one from another: give the value to keep, --keep VALUE",
    ),
    "conflict_bad_value": (
        "“{field}”不能是这个值（{detail}）。",
        "That value will not do for “{field}” ({detail}).",
    ),
    "conflict_resolved": (
        "已决定：{what}的{field}为“{value}”。这个决定会随下一个数据包传到别的电脑。",
        "Settled: {field} of {what} is “{value}”. The decision travels with the next bundle.",
    ),
    "conflict_how": (
        "决定保留哪一个：dyz conflicts resolve {id} --keep mine（本机的）| theirs（对方的）| 值",
        "To settle: dyz conflicts resolve {id} --keep mine | theirs | VALUE",
    ),
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
    "press_enter_to_close": ("按回车键关闭窗口。", "Press Enter to close this window."),
    "internal_error": (
        "dyz 出了内部错误（{kind}），这不是您的操作问题。请把这句话告诉维护人员；设 DYZ_DEBUG=1 可看详情。",
        "dyz hit an internal error ({kind}); it is not something you did. Please report this"
        " line; set DYZ_DEBUG=1 for details.",
    ),
    # -- rolls and conflicts (issue 33) ---------------------------------------------------------
    "roll_skipped_blank": (
        "略过空行 {count} 行（{lines}）。",
        "Skipped {count} blank row(s) ({lines}).",
    ),
    "roll_skipped_totals": (
        "略过合计行 {count} 行（{lines}），不当作住户。",
        "Skipped {count} total row(s) ({lines}); they are not households.",
    ),
    "roll_rows": ("第 {lines} 行", "row {lines}"),
    "roll_rows_in_sheet": ("{sheet}第 {lines} 行", "sheet {sheet} row {lines}"),
    "roll_notes_kept": (
        "备注里这些话不是标记，记在居民的备注里：{words}",
        "These words of the remarks are no flags and were kept as the residents' notes: {words}",
    ),
    "roll_estate_from_title": (
        "没写小区的行，按名册标题记在“{estate}”。",
        "Rows naming no estate are put in “{estate}”, as the roll's title says.",
    ),
    "roll_in_sheet": ("工作表“{sheet}”", "sheet “{sheet}”, "),
    "roll_estate_clash": (
        "--estate 写的是“{option}”，名册{where}第 {line} 行写的却是“{named}”：名册里写了小区就不用 --estate，或者改正名册。",
        "--estate says “{option}” but the roll says “{named}” ({where}row {line}): a roll that"
        " names its estate needs no --estate; or correct the roll.",
    ),
    # -- issue 33: the menu, weeks and the WeChat text (h-menu) ------------------------------
    "mn_go_back": ("返回", "Back"),
    "iv_keys_back": (
        "（按数字键，或 ↑↓ 加回车；0、q 或 Esc：{back}）",
        "(a number key, or ↑↓ and Enter; 0, q or Esc: {back})",
    ),
    "iv_keys_back_unnumbered": (
        "（↑↓ 选择，回车确定；q 或 Esc：{back}）",
        "(↑↓ to choose, Enter to answer; q or Esc: {back})",
    ),
    "mn_more": ("和别的电脑交换数据、帮助", "Exchange data with other laptops, help"),
    "mn_more_what": ("做什么？", "What now?"),
    "mn_roll_import": ("导入花名册（Excel 或 CSV）", "Import the roll (Excel or CSV)"),
    "mn_roll_file": (
        "花名册文件在哪里？（可以把文件拖进来）",
        "Where is the roll? (you may drag the file here)",
    ),
    "mn_roll_estate": (
        "哪个小区？（花名册里有“小区名称”一列就直接回车）",
        "Which estate? (Enter if the roll has a column naming it)",
    ),
    "mn_roll_estate_in_file": ("花名册里写明了", "The roll names it"),
    "mn_which_estate": ("哪个小区？", "Which estate?"),
    "mn_register": ("登记一户和住在里面的人", "Register a household and who lives there"),
    "mn_register_ref": (
        "房号？（楼栋-单元-房号，如 2-2-301）",
        "Which flat? (building-unit-room, e.g. 2-2-301)",
    ),
    "mn_register_other_estate": ("别的小区", "Another estate"),
    "mn_estate_name": ("小区名称？（如 新芙蓉之都）", "The estate's name? (e.g. 新芙蓉之都)"),
    "mn_resident_name": (
        "住在这里的人叫什么？（都登记完了就直接回车）",
        "Who lives here? (Enter when everyone is in)",
    ),
    "mn_resident_phone": ("{name}的电话？（没有就直接回车）", "{name}'s phone? (Enter for none)"),
    "mn_resident_born": (
        "{name}哪年出生？（如 1948，不知道就直接回车）",
        "{name}'s year of birth? (e.g. 1948; Enter if not known)",
    ),
    "mn_resident_flags": (
        "{name}的标记？（{known}；几个就用顿号隔开，没有就直接回车）",
        "Flags for {name}? ({known}; several parted by ;, Enter for none)",
    ),
    "mn_report_council": (
        "上一整周，议事会用（{days}）",
        "The last full week, for the council ({days})",
    ),
    "mn_report_save": ("把周报存成可打印的网页吗？", "Save the report as a page to print?"),
    "mn_report_where": (
        "存到哪里？（直接回车＝存在当前文件夹）",
        "Save it where? (Enter = in the current folder)",
    ),
    "mn_report_file": ("周报{first}至{last}.html", "report-{first}-to-{last}.html"),
    "mn_report_print": (
        "用浏览器打开这个文件，就能打印。",
        "Open that file in a browser to print it.",
    ),
    "mn_no_such_folder": ("没有这个文件夹：{path}", "No such folder: {path}"),
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
    # -- h-text: init run again says what it changed --------------------------------------------
    "init_changed": (
        "工作本早已建立：{path}\n本机：{device}（编号 {id}）\n社区：{community}",
        "Notebook already set up: {path}\nThis laptop: {device} (id {id})\nCommunity: {community}",
    ),
    "init_community_renamed": (
        "已改社区名称为“{new}”（原为“{old}”）。",
        "Community name changed to “{new}” (was “{old}”).",
    ),
    "init_device_renamed": (
        "已改本机名称为“{new}”（原为“{old}”）。",
        "This laptop's name changed to “{new}” (was “{old}”).",
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
    # -- issue 34, slice "files": PyYAML without libyaml ----------------------------------------
    "import_yaml_without_libyaml": (
        "注意：PyYAML 没有装 C 扩展（libyaml），数据包用较慢的纯 Python 方式读取。",
        "Note: PyYAML has no C extension (libyaml) here; bundles are read by its slower pure-Python reader.",
    ),
    # -- issue 34, trust: names bound to keys, no plain export by accident, joining -----------
    "export_peer_unknown": (
        "没有听说过“{peer}”这台电脑（没收到过它的数据包，社区办公室的名单上也没有），没有写文件：不加密的文件谁都能看。已知的电脑：{known}。",
        "No laptop called “{peer}” is known here (no bundle came from it, and it is not on the"
        " office's list), so no file was written: an unencrypted one would be readable by"
        " anyone. Known laptops: {known}.",
    ),
    "export_peer_unknown_office": (
        "没有听说过“{peer}”这台电脑，没有写文件。本机的社区办公室叫“{office}”：给它请用 dyz export --for 社区办公室。已知的电脑：{known}。",
        "No laptop called “{peer}” is known here, so no file was written. This laptop's office"
        " is “{office}”: for it, use dyz export --for office. Known laptops: {known}.",
    ),
    "export_no_office_yet": (
        "本机还没有加入社区办公室，不知道“{peer}”的密钥，没法加密，没有写文件。请先运行 dyz export -o 入网请求.yaml，"
        "把文件交给社区办公室并打电话念本机的密钥指纹；办公室接纳本机、本机导入它发来的数据包之后，就能用 --for 社区办公室 了。",
        "This laptop has joined no office yet, so the key of “{peer}” is not known and nothing"
        " could be encrypted: no file was written. First run dyz export -o request.yaml, hand"
        " the file to the community office and read this laptop's key fingerprint to them on"
        " the phone; once the office has admitted this laptop and its bundle is imported here,"
        " --for office works.",
    ),
    "export_plain_refused": (
        "这个数据包里有居民的个人信息（姓名、电话等），又没有加密，所以没有写文件。要加密，请用 dyz export --for 对方电脑的名称；"
        "确实要写一个谁都能看的文件（当面或用U盘交给对方），请加 --plain；不要个人信息，请加 --redact。",
        "This bundle would hold residents' personal data (names, phones…) unencrypted, so no"
        " file was written. To encrypt it, use dyz export --for THE-OTHER-LAPTOP; to write a"
        " file anyone can read (hand it over in person or on a USB stick), add --plain; to"
        " leave personal data out, add --redact.",
    ),
    "export_no_key_refused": (
        "“{peer}”还没有发来过签名的数据包（可能是旧版 dyz），本机不知道它的密钥，没法加密；数据包里有居民的个人信息，所以没有写文件。"
        "确实要写一个谁都能看的文件（当面交给对方），请加 --plain；不要个人信息，请加 --redact。",
        "“{peer}” has not sent a signed bundle yet (an earlier dyz?), so its key is not known"
        " and the bundle could not be encrypted; it would hold residents' personal data, so no"
        " file was written. To write a file anyone can read (hand it over in person), add"
        " --plain; to leave personal data out, add --redact.",
    ),
    "export_join_request": (
        "本机还没有加入社区办公室，也没有要导出的内容：写了入网请求 {path}（本机的密钥、名称和社区）。"
        "请交给社区办公室，并打电话念本机的密钥指纹 {fingerprint}，对方核对后接纳本机。",
        "This laptop has joined no office and has nothing to export: {path} is a request to"
        " join (this laptop's key, name and community). Hand it to the community office and"
        " read this laptop's key fingerprint {fingerprint} to them on the phone, so that they"
        " can check it and admit this laptop.",
    ),
    "bundle_name_taken": (
        "数据包自称来自“{claimed}”，但这个名称属于本机认识的另一台电脑（发出它的是“{sender}”）。"
        "一台电脑不能用别的电脑的名称；如果是新电脑，请对方换个名称（dyz init --device-name 新名称）再导出",
        "the bundle claims to come from “{claimed}”, a name another laptop known here holds (it"
        " was sent by “{sender}”). No laptop may go by another's name; if it is a new laptop,"
        " it should take another name (dyz init --device-name NEW-NAME) and export again",
    ),
    "author_on_laptop": ("{author}（在 {laptop} 的电脑上）", "{author} (on the laptop {laptop})"),
    "author_on_named_laptop": ("{author}（在 {laptop} 上）", "{author} (on {laptop})"),
    "bad_laptop_name": (
        "电脑名称“{text}”不能用：不能含 / 或 \\，不能含不可见字符，不超过 40 字。",
        "The laptop name “{text}” cannot be used: no / or \\, no invisible characters, 40"
        " characters at most.",
    ),
    # -- erase (issue 34): erasure limits that cannot be split ------------------------------------
    "import_erasures_held": (
        "“{laptop}”在 {days} 天内要本机删除的住户超过了 {unseen} 户，下面 {count} 户的删除暂缓执行："
        "这些户和居民信息仍留在本机，数据包里的其他内容已导入。请先向“{laptop}”核实；确认无误后运行："
        "dyz import {path} --accept-erasures",
        "“{laptop}” erases more than {unseen} households here within {days} days: the erasure of"
        " the {count} below is held. They stay here with their residents; the rest of the bundle"
        " was imported. Check with “{laptop}” first; if it is right, run:"
        " dyz import {path} --accept-erasures",
    ),
    "import_erasures_would_hold": (
        "导入时，“{laptop}”要删除的下面 {count} 户会暂缓执行（{days} 天内超过了 {unseen} 户），"
        "要加 --accept-erasures 才会执行：",
        "An import would hold the erasure of the {count} households below by “{laptop}” (more"
        " than {unseen} within {days} days) unless given --accept-erasures:",
    ),
    "import_erasures_accepted": (
        "已执行 {path} 里暂缓的 {count} 户删除，这些户和居民信息已抹去：",
        "Applied the {count} erasures held from {path}; these households and their residents'"
        " data are erased:",
    ),
    "members_erasures_held": (
        "有 {count} 户的删除暂缓执行，等人核实（一台电脑 {days} 天内最多直接删除 {unseen} 户）：",
        "{count} households' erasures are held for a person to check (a laptop erases at most"
        " {unseen} within {days} days unseen):",
    ),
    "members_erasure_held": (
        "“{laptop}”要删除：{flats}；核实后运行 dyz import {file} --accept-erasures",
        "“{laptop}” erases: {flats}; once checked, run dyz import {file} --accept-erasures",
    ),
    "td_erasures_held": (
        "有 {count} 户的删除暂缓执行，请先向删除的电脑核实：",
        "{count} households' erasures are held: check with the laptop that erased them first:",
    ),
    "td_erasure_held": ("“{laptop}”要删除：{flats}", "“{laptop}” erases: {flats}"),
    "td_erasures_held_next": (
        "dyz import {file} --accept-erasures",
        "dyz import {file} --accept-erasures",
    ),
    "config_bad_households": (
        "{key} 要写 0 到 1000 之间的户数，不是“{value}”。",
        "{key} takes a number of households from 0 to 1000, not “{value}”.",
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
    # -- h-revoke: revocation that travels and cannot be rolled back -----------------------------
    "bundle_refused_list_kept": (
        "数据包 {path} 不能导入{where}：{problem}。只记下了它带来的社区办公室新名单（撤销了：{names}），其余数据未作任何改动。",
        "The bundle {path} was refused{where}: {problem}. Only the office's newer list it carried"
        " was kept (it revokes {names}); nothing else was changed.",
    ),
    "export_list_only": (
        "没有新的修改；写了一个只带社区办公室最新名单的小文件 {path}：对方导入后就知道名单的变化（比如撤销了哪台电脑）。",
        "Nothing new but the office's newest list; {path} is a small file carrying it: once"
        " imported there, the other laptop knows what changed (a laptop revoked, say).",
    ),
    # -- erase (issue 35): the words typed beside a household go with it -------------------------
    "hazard_words_erased": (
        "这处隐患的责任户已删除，它的地点、备注和整改要求已随住户抹去，不再记录；"
        "要改别的（如 --due）就只写那一项。",
        "This hazard's household was erased, and its place, note and requirement with it: they"
        " are no longer kept. To correct something else (e.g. --due), give only that.",
    ),
}


def all_messages() -> dict[str, tuple[str, str]]:
    """Every message, those read on demand included."""
    from danyuanzhang.text.catalogue.ledgers import LEDGER_MESSAGES
    from danyuanzhang.text.catalogue.visits import VISIT_MESSAGES

    return {**MESSAGES, **VISIT_MESSAGES, **LEDGER_MESSAGES}
