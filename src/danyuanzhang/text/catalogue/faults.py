"""The messages of what went wrong with the notebook's file or another file, or with dyz itself, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

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
    # -- the roll (花名册) ----------------------------------------------------------------------
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
    # -- failures -------------------------------------------------------------------------------
    "internal_error": (
        "dyz 出了内部错误（{kind}），这不是您的操作问题。请把这句话告诉维护人员；设 DYZ_DEBUG=1 可看详情。",
        "dyz hit an internal error ({kind}); it is not something you did. Please report this"
        " line; set DYZ_DEBUG=1 for details.",
    ),
}
