"""Version of the loaded libtriad (triad/version.h)."""
from __future__ import annotations

import ctypes
from typing import Tuple

from ._ffi import decode, fn

_version = fn("triad_version", ctypes.c_char_p)
_version_number = fn("triad_version_number", ctypes.c_uint32)


def version() -> str:
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return decode(_version())


def version_number() -> int:
    """The loaded library's version as (MAJOR << 16) | (MINOR << 8) | PATCH."""
    return int(_version_number())


def version_info() -> Tuple[int, int, int]:
    """The loaded library's version as a (major, minor, patch) tuple."""
    n = version_number()
    return (n >> 16, (n >> 8) & 0xFF, n & 0xFF)
