"""Build dyz as one folder that runs with nothing installed, on the machine this runs on, and
zip it with a short 使用说明.txt: on Windows the zip a unit head downloads, unpacks and
double-clicks; on Linux the same build, which CI runs the smoke test against.

    pip install -e ".[build]"
    python packaging/build.py              # dist/dyz/ and dist/dyz-0.1.0-windows-amd64.zip
    python packaging/build.py --no-zip     # the folder only (CI)

One folder rather than one file: a one-file build unpacks itself on every start (three to six
times the start-up) and is the kind that antivirus programs flag.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENTRY = ROOT / "src" / "danyuanzhang" / "__main__.py"

# Everything PyInstaller cannot find by reading the imports, declared here and only here.
# The command groups load through importlib (LAZY_COMMANDS in danyuanzhang/cli): every module.
SUBMODULES = ["danyuanzhang"]
# what the wheel force-includes (pyproject.toml), where the code looks for it (examples_dir())
DATA = [("data/schema.sql", "danyuanzhang"), ("examples", "danyuanzhang/examples")]
# imported only inside the commands that need them, or from compiled code: PyNaCl's libsodium
# binding loads _cffi_backend from C, which no import statement shows
HIDDEN_IMPORTS = ["_cffi_backend", "nacl.bindings", "python_calamine", "xlsxwriter", "PIL.Image"]
# the test tools the virtualenv may hold, and what nothing in dyz uses: of Pillow, AVIF (a
# third of its libraries), drawing text and colour profiles; photos are JPEG, PNG, GIF, WebP
EXCLUDED = [
    *("tkinter", "pytest", "hypothesis", "openpyxl", "phonenumbers", "pexpect", "IPython"),
    *("PIL._avif", "PIL.AvifImagePlugin", "PIL._imagingft", "PIL._imagingcms", "PIL.ImageTk"),
]

INSTRUCTIONS = """\
单元长工作本 dyz {version} · Windows 免安装版
================================================

打开：双击本文件夹里的 dyz.exe，会开一个窗口，里面是菜单：按数字选，按 0 退出。
不需要安装 Python，也不需要联网。

在命令窗口里用：在本文件夹的地址栏里输入 cmd 回车，再输入 dyz --help 看有哪些命令；
想先看看怎么用，输入 dyz demo（演示用的工作本，和您自己的分开存放）。

工作本存在哪：不在这个文件夹里，而在您的用户数据文件夹：
    %LOCALAPPDATA%\\dyz\\dyz.db （如 C:\\Users\\您的用户名\\AppData\\Local\\dyz\\dyz.db）
所以删掉或换掉这个文件夹，工作本都还在。

升级：先备份（dyz backup -o U盘上的文件），再把新的压缩包解压到一个新文件夹，
双击新的 dyz.exe 即可，它会打开原来的工作本。新的用着没问题，再删掉旧文件夹。

支持 Windows 8.1、10、11（64 位）。不支持 Windows 7（新版 Python 已不能在上面运行）。


dyz {version} · Windows build, nothing to install
------------------------------------------------
Open: double-click dyz.exe in this folder; a window opens with the menu (type a number; 0
leaves). No Python, no network needed. In a command window (type cmd in this folder's address
bar): dyz --help lists the commands, dyz demo opens a demonstration notebook.
The notebook is not kept in this folder but in your user data folder,
%LOCALAPPDATA%\\dyz\\dyz.db, so deleting or replacing this folder leaves it alone.
To update: back up (dyz backup -o FILE), unpack the new zip into a new folder and double-click
its dyz.exe; it opens the same notebook. Windows 8.1, 10 and 11 (64-bit); not Windows 7.
"""


def version() -> str:
    text = (ROOT / "src" / "danyuanzhang" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    assert found, "no __version__ in danyuanzhang/__init__.py"
    return found.group(1)


def pyinstaller_arguments(dist: Path, work: Path) -> list[str]:
    arguments = [
        str(ENTRY),
        "--name=dyz",
        "--onedir",
        "--console",  # a window of its own when double-clicked: the menu is typed into it
        "--noconfirm",
        "--clean",
        f"--distpath={dist}",
        f"--workpath={work}",
        f"--specpath={work}",  # paths given here are absolute: the spec's folder is not ROOT
        # the modules as .pyc files in the folder, not in one compressed archive: Python's own
        # importer reads them without unpacking each one, and `dyz household list` starts in
        # 1.1x a virtualenv's CPU time instead of 1.4x (benchmarks/frozen.py); zipped, the
        # same size
        "--debug=noarchive",
    ]
    if sys.platform != "win32":  # the symbols out of the Linux libraries; Windows has no strip
        arguments.append("--strip")
    arguments += [f"--collect-submodules={name}" for name in SUBMODULES]
    arguments += [f"--add-data={ROOT / source}{os.pathsep}{target}" for source, target in DATA]
    arguments += [f"--hidden-import={name}" for name in HIDDEN_IMPORTS]
    arguments += [f"--exclude-module={name}" for name in EXCLUDED]
    return arguments


def zip_folder(folder: Path, archive: Path) -> None:
    """`folder` as `archive`, its files under `dyz/`: unpacked, it is one folder to open. The
    links a Linux build holds (to bundled libraries) stay links, not second copies."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for path in sorted(folder.rglob("*")):
            name = str(Path(folder.name) / path.relative_to(folder))
            if path.is_symlink():
                link = zipfile.ZipInfo(name, time.localtime(path.lstat().st_mtime)[:6])
                link.create_system = 3  # Unix: unzip makes a link of its mode
                link.external_attr = 0o120777 << 16
                out.writestr(link, os.readlink(path))
            elif path.is_file():
                out.write(path, name)


def archive_name(dist: Path) -> Path:
    system = {"win32": "windows", "linux": "linux", "darwin": "macos"}.get(sys.platform, "other")
    machine = platform.machine().lower() or "unknown"
    return dist / f"dyz-{version()}-{system}-{machine}.zip"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the build goes")
    parser.add_argument("--no-zip", action="store_true", help="the folder only, not zipped")
    options = parser.parse_args()
    dist = options.dist.resolve()
    work = ROOT / "build" / "pyinstaller"

    import PyInstaller.__main__  # the build extra: pip install -e ".[build]"

    started = time.perf_counter()
    PyInstaller.__main__.run(pyinstaller_arguments(dist, work))
    folder = dist / "dyz"
    # CRLF and a BOM: Notepad on Windows 8.1 reads UTF-8 only with one
    (folder / "使用说明.txt").write_text(
        INSTRUCTIONS.format(version=version()), encoding="utf-8-sig", newline="\r\n"
    )
    print(f"built {folder} in {time.perf_counter() - started:.0f} s")
    if not options.no_zip:
        archive = archive_name(dist)
        zip_folder(folder, archive)
        print(f"zipped {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
