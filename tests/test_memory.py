"""analysis.memory: memory Python freed goes back to the system, after every cell of a notebook."""

import numpy as np
import psutil
import pytest
from IPython.testing.globalipapp import get_ipython

from analysis.memory import _TRIM, return_freed_memory, trim_after_each_cell


@pytest.mark.skipif(_TRIM is None, reason="needs glibc's malloc_trim")
def test_freed_memory_held_between_live_blocks_is_returned():
    process = psutil.Process()
    released = np.ones(4_000_000)
    del released  # glibc now serves blocks of this size from its heap, as in a long pandas session
    blocks, kept = [], []
    for _ in range(1000):
        blocks.append(np.ones(100_000))  # 0.8 MB each, freed below
        kept.append(np.ones(100))  # small live arrays between them: the heap cannot shrink from its top
    del blocks
    held = process.memory_info().rss
    assert return_freed_memory()
    assert process.memory_info().rss < held - 500 * 2**20  # the 0.8 GB freed is back with the system


def test_the_hook_runs_after_every_cell_and_is_registered_once():
    shell = get_ipython()
    trim_after_each_cell(shell)
    trim_after_each_cell(shell)
    assert shell.events.callbacks["post_run_cell"].count(return_freed_memory) == 1
