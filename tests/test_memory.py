"""analysis.memory: memory Python freed goes back to the system, after every cell of a notebook."""

import subprocess
import sys

import pytest
from IPython.core.interactiveshell import InteractiveShell

from analysis.memory import _TRIM, forget_old_outputs, return_freed_memory, trim_after_each_cell
from analysis.paths import ROOT

HELD_THEN_RETURNED = """
import numpy as np, psutil
from analysis.memory import return_freed_memory
process = psutil.Process()
released = np.ones(4_000_000)
del released  # glibc now serves blocks of this size from its heap, as in a long pandas session
blocks, kept = [], []
for _ in range(1000):
    blocks.append(np.ones(100_000))  # 0.8 MB each, freed below
    kept.append(np.ones(100))  # small live arrays between them: the heap cannot shrink from its top
del blocks
held = process.memory_info().rss
return_freed_memory()
print(held >> 20, process.memory_info().rss >> 20)
"""


@pytest.mark.skipif(_TRIM is None, reason="needs glibc's malloc_trim")
def test_freed_memory_held_between_live_blocks_is_returned():
    """In a fresh process (a long test session's heap is laid out otherwise): 0.8 GB freed, held, then returned."""
    run = subprocess.run([sys.executable, "-c", HELD_THEN_RETURNED], cwd=ROOT, capture_output=True, text=True)
    held, after = map(int, run.stdout.split())
    assert held > 700 and after < held - 500


def test_the_hook_runs_after_every_cell_and_is_registered_once():
    shell = InteractiveShell.instance()
    trim_after_each_cell(shell)
    trim_after_each_cell(shell)
    assert shell.events.callbacks["post_run_cell"].count(return_freed_memory) == 1


def test_results_of_earlier_cells_are_not_kept_alive():
    shell = InteractiveShell.instance()
    forget_old_outputs(shell)
    shell.run_cell("import weakref\nclass Table(list): pass\nfirst = Table(range(10))\nref = weakref.ref(first)")
    shell.run_cell("first")  # shown as a cell's result
    shell.run_cell("del first")
    shell.run_cell("1 + 1")
    shell.run_cell("2 + 2")
    shell.run_cell("3 + 3")  # `_`, `__`, `___` now hold 6, 4, 2
    assert shell.user_ns["ref"]() is None and shell.user_ns["_"] == 6
    assert not shell.user_ns["_oh"]
