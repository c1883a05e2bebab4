"""The messages of the roll (花名册) read and written, in Chinese and English: a part of the catalogue
read only when one of them is asked for (see `catalogue`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the roll (花名册) ----------------------------------------------------------------------
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
}
