"""Make tests/data/花名册.xls: a roll as WPS or an old Excel saves it (BIFF8), with a title row,
a merged address cell, a phone stored as a number and a birth date as an Excel date.

    pip install xlwt && python tests/data/make-roll-xls.py

xlwt (unmaintained, but it writes the old format faithfully) is needed only to make the file
again, not by the tests, which read the file as it is.
"""

from datetime import datetime
from pathlib import Path

import xlwt

book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("2栋")
sheet.write_merge(0, 0, 0, 5, "新芙蓉之都2栋住户花名册")
for column, header in enumerate(["序号", "姓名", "联系电话", "住址", "出生日期", "备注"]):
    sheet.write(1, column, header)
day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
sheet.write(2, 0, 1)
sheet.write(2, 1, "刘桂英")
sheet.write(2, 2, 13812345678)
sheet.write_merge(2, 3, 3, 3, "2栋2单元602室")
sheet.write(2, 4, datetime(1948, 3, 2), day)
sheet.write(2, 5, "独居")
sheet.write(3, 0, 2)
sheet.write(3, 1, "王建国")
sheet.write(3, 4, datetime(1950, 1, 1), day)
sheet.write(3, 5, "空巢")
book.save(str(Path(__file__).resolve().parent / "花名册.xls"))
