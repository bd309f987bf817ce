"""A least-recently-used cache bounded by the memory its values take, not by how many it holds.

Country gazetteers differ a thousandfold in size (Pakistan's 130,000 rows, Andorra's 20): a cache of the
16 last countries thrashed on a real day of news (50+ countries, ~160 loads for 350 articles) while
holding at times little memory, at others a lot. Bounding the bytes instead keeps every small country
and as many large ones as the budget allows.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class SizedCache(Generic[K, V]):
    """``load(key)`` remembered per key; past ``budget`` (in the unit of ``size``), the least recently used
    values are dropped (the newest is always kept, however large)."""

    def __init__(self, load: Callable[[K], V], size: Callable[[V], int], budget: int) -> None:
        self._load = load
        self._size = size
        self.budget = budget
        self._held: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._total = 0
        self.loads = 0  # how many times ``load`` ran: the cache's misses
        # one pipeline may be shared by threads (Dask's threads scheduler): one load per key at a time
        self._lock = threading.Lock()

    def __call__(self, key: K) -> V:
        with self._lock:
            held = self._held.get(key)
            if held is not None:
                self._held.move_to_end(key)
                return held[0]
            value = self._load(key)
            self.loads += 1
            size = self._size(value)
            self._held[key] = (value, size)
            self._total += size
            while self._total > self.budget and len(self._held) > 1:
                _, (_, freed) = self._held.popitem(last=False)
                self._total -= freed
            return value

    @property
    def total(self) -> int:
        """The size of what is held now."""
        return self._total
