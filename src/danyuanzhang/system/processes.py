"""Whether the dyz that made a temporary file is still running: its file names carry its
process id, and another window's work is never taken for an interruption's leftovers.

A process id is given again once its process has ended (Windows does so soon), so a process
found under the id counts only if it started before the file was last written; where its
start cannot be read, a process under the id counts as the one that wrote the file.
"""

from __future__ import annotations

import contextlib
import os
import sys


def gone(pid: int, written: float) -> bool:
    """Whether process `pid`, which wrote a file last at `written` (seconds since the epoch),
    has ended (no process has the id, or the one that has it started later)."""
    if pid <= 0:
        return True
    started = _windows_start(pid) if sys.platform == "win32" else _posix_start(pid)
    if isinstance(started, _Nothing):
        return True
    return started is not None and started > written + 1


class _Nothing:
    """No process has the id."""


_NONE = _Nothing()


def _posix_start(pid: int) -> float | _Nothing | None:
    """When process `pid` started (seconds since the epoch), None when it runs but its start
    cannot be read, `_NONE` when there is no such process."""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return _NONE
    except PermissionError:  # another user's process: it runs
        pass
    except OSError:
        return None
    return _linux_start(pid)


def _linux_start(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            # the command name (2nd field) is in parentheses and may hold spaces
            fields = stat.read().rsplit(b")", 1)[1].split()
        with open("/proc/stat", "rb") as system:
            boot = next(int(line.split()[1]) for line in system if line.startswith(b"btime "))
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None
    return boot + int(fields[19]) / ticks  # the 22nd field, counted after the name


def _windows_start(pid: int) -> float | _Nothing | None:
    import ctypes
    from ctypes import wintypes

    query_limited_information = 0x1000
    error_invalid_parameter = 87  # no process has the id
    still_active = 259
    if pid > 0xFFFFFFFF:  # no process id is wider than a DWORD
        return _NONE
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.GetExitCodeProcess.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD)]
    kernel32.GetProcessTimes.argtypes = [wintypes.HANDLE, *[ctypes.POINTER(wintypes.FILETIME)] * 4]
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        if ctypes.get_last_error() == error_invalid_parameter:  # type: ignore[attr-defined]
            return _NONE
        return None  # it runs, and is not ours to look into
    try:
        code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != still_active:
            return _NONE
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return None
        created = times[0].dwHighDateTime << 32 | times[0].dwLowDateTime
        # FILETIME counts 100 ns from 1601-01-01
        return created / 10_000_000 - 11_644_473_600
    finally:
        with contextlib.suppress(OSError):
            kernel32.CloseHandle(handle)
