"""Releasing what the library hands over (triad/memory.h).

Python code never frees by hand: strings the library hands over are copied
into Python objects and released at once by :func:`take_string`.

The allocator hook (``triad_allocator_set`` / ``triad_allocator_reset``) is
deliberately not bound: it must be installed before any other libtriad call
and outlive every object, which an interpreter that may already have loaded
and used the library cannot promise, and Python functions as malloc/free
would re-enter the interpreter on every allocation, from any thread.
"""
from __future__ import annotations

import ctypes
from typing import Optional

from ._ffi import decode, fn
from .error import raise_last

_free = fn("triad_free", None, ctypes.c_void_p)


def take_string(ptr: Optional[int]) -> str:
    """Copy a caller-owned C string (declared as c_void_p) into a Python
    string and release it with triad_free. NULL raises the last error."""
    if not ptr:
        raise_last()
    try:
        return decode(ctypes.string_at(ptr))
    finally:
        _free(ptr)


def free(ptr: Optional[int]) -> None:
    """triad_free: release memory the library handed over; None does nothing."""
    _free(ptr)
