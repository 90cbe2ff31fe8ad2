"""Give freed memory back to the system after each notebook cell.

glibc keeps memory that Python freed (a large table, a figure's buffers) for later use, so a kernel's resident
size only grows from cell to cell; on a year of pages that was 0.1-0.2 GB per notebook over what it held.
`malloc_trim` returns it (a few milliseconds a cell). Elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util


def _libc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, Windows, musl)
        return None


_TRIM = _libc_trim()


def return_freed_memory(*_) -> bool:
    """Hand the memory Python freed back to the system; False where that cannot be done."""
    if _TRIM is None:
        return False
    _TRIM(0)
    return True


def trim_after_each_cell(shell) -> None:
    """Register `return_freed_memory` to run after every cell of an IPython shell (once)."""
    if return_freed_memory not in shell.events.callbacks["post_run_cell"]:
        shell.events.register("post_run_cell", return_freed_memory)
