"""Python's cycle collector held off while dyz makes hundreds of thousands of objects of which
none is in a cycle (a bundle's tuples, a district's walk list): the collector would walk them
again and again for nothing, a quarter of the time a district's `dyz visit due` took.

>>> with no_cycle_collection():  # doctest: +SKIP
...     items = visits_due(store)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """No collection of cycles inside; as it was after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
