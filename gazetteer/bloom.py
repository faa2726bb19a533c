"""A small Bloom filter over index keys: `is_name` answers "no" for most text n-grams without
touching SQLite. Stored as one blob in the index; hashing is zlib's crc32 (C speed, stable
across processes, unlike Python's salted `hash`)."""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable

BITS_PER_KEY = 10  # about 1% false positives with 7 probes


class Bloom:
    def __init__(self, bits: bytearray | bytes, m: int, k: int):
        self.bits = bits
        self.m = m
        self.k = k

    @classmethod
    def build(cls, keys: Iterable[str], n: int) -> Bloom:
        m = max(64, n * BITS_PER_KEY)
        k = max(1, round(BITS_PER_KEY * math.log(2)))
        bits = bytearray((m + 7) // 8)
        for key in keys:
            for pos in _positions(key, m, k):
                bits[pos >> 3] |= 1 << (pos & 7)
        return cls(bits, m, k)

    def __contains__(self, key: str) -> bool:
        b = key.encode("utf-8")
        h1 = zlib.crc32(b)
        h2 = zlib.crc32(b, _SEED) | 1
        bits, m = self.bits, self.m
        for i in range(self.k):  # most misses stop at the first or second probe
            pos = (h1 + i * h2) % m
            if not (bits[pos >> 3] >> (pos & 7)) & 1:
                return False
        return True


_SEED = 0x5BD1E995


def _positions(key: str, m: int, k: int) -> list[int]:
    b = key.encode("utf-8")
    h1 = zlib.crc32(b)
    h2 = zlib.crc32(b, _SEED) | 1
    return [(h1 + i * h2) % m for i in range(k)]
