"""A real pseudo-terminal for the tests that must see dyz as a user does: a child `dyz` on a
pty, keys sent to it, and its screen read back with the escape codes taken out."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Z0-9]|\x1b[=>]|\r")


class Terminal:
    def __init__(self, args: list[str], env: dict[str, str], cwd: Path, columns: int = 100) -> None:
        import pty
        import termios

        master, slave = pty.openpty()
        size = termios.tcgetwinsize(slave) if hasattr(termios, "tcgetwinsize") else None
        if size is not None:
            termios.tcsetwinsize(slave, (40, columns))
        clean = {k: v for k, v in env.items() if k != "CI"}  # CI would mean "no terminal"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "danyuanzhang", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            # a real terminal answers the cursor-position query; this one cannot
            env={
                **clean,
                "TERM": "xterm",
                "COLUMNS": str(columns),
                "LINES": "40",
                "PROMPT_TOOLKIT_NO_CPR": "1",
            },
            cwd=cwd,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.seen = ""

    def read(self, seconds: float = 0.2) -> str:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.seen += ESCAPES.sub("", chunk.decode("utf-8", "replace"))
        return self.seen

    def wait_for(self, text: str, timeout: float = 20) -> str:
        """Everything shown so far, once `text` is on the screen since the last wait."""
        end = time.monotonic() + timeout
        start = getattr(self, "_mark", 0)
        while time.monotonic() < end:
            self.read()
            found = self.seen.find(text, start)
            if found >= 0:
                self._mark = found + len(text)
                return self.seen
        Path(os.environ.get("DYZ_SCREEN_LOG", os.devnull)).write_text(self.seen)
        raise AssertionError(f"never showed {text!r}; the screen ended:\n{self.seen[-2000:]}")

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())
        time.sleep(0.15)

    def close(self) -> int:
        if self.process.poll() is None:
            self.process.kill()
        code = self.process.wait(timeout=10)
        os.close(self.master)
        return code
