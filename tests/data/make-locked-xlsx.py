"""Make tests/data/花名册-有密码.xlsx: a roll saved with an opening password (1234), as a
community sometimes keeps it. The password is set by Excel's own standard encryption (ECMA-376
agile encryption), through msoffcrypto-tool.

    pip install openpyxl msoffcrypto-tool && python tests/data/make-locked-xlsx.py

msoffcrypto-tool is needed only to make the file again, not by the tests.
"""

import io
from pathlib import Path

import openpyxl
from msoffcrypto.format.ooxml import OOXMLFile

book = openpyxl.Workbook()
sheet = book.active
sheet.append(["序号", "姓名", "住址"])
sheet.append([1, "刘桂英", "2栋2单元602室"])
plain = io.BytesIO()
book.save(plain)
plain.seek(0)
with open(Path(__file__).parent / "花名册-有密码.xlsx", "wb") as out:
    OOXMLFile(plain).encrypt("1234", out)
