"""A notebook kernel's memory: outputs not kept for ever, freed memory given back after each cell.

IPython keeps every cell's result (`Out[n]`, `_n`): each figure and table a notebook shows stays alive to the
end, a few hundred MB on a year of pages; `forget_old_outputs` keeps only `_`, `__` and `___`. And glibc keeps
memory that Python freed for later use, so a kernel's resident size only grows from cell to cell (0.1-0.2 GB
per notebook on a year of pages); `malloc_trim` returns it, a few milliseconds a cell (elsewhere than glibc,
nothing is done).
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


def forget_old_outputs(shell) -> None:
    """Keep no `Out[n]` / `_n` history in an IPython shell; `_`, `__` and `___` still hold the last results."""
    shell.displayhook.do_full_cache = 0


def trim_after_each_cell(shell) -> None:
    """Register `return_freed_memory` to run after every cell of an IPython shell (once)."""
    if return_freed_memory not in shell.events.callbacks["post_run_cell"]:
        shell.events.register("post_run_cell", return_freed_memory)
