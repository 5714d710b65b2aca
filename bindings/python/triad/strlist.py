"""Read-only string lists that queries hand to the caller (triad/strlist.h)."""
from __future__ import annotations

import ctypes
from typing import Iterator, List, Sequence, overload

from ._ffi import decode, encode, fn
from ._handle import Handle, opaque
from .error import check_ptr

StrListP = opaque("triad_strlist")

_count = fn("triad_strlist_count", ctypes.c_size_t, StrListP)
_at = fn("triad_strlist_at", ctypes.c_char_p, StrListP, ctypes.c_size_t)
_contains = fn("triad_strlist_contains", ctypes.c_int, StrListP, ctypes.c_char_p)
_free = fn("triad_strlist_free", None, StrListP)


class StrList(Handle, Sequence[str]):
    """An immutable list of strings owned by Python (freed on close() or when
    collected). Strings are copied out, so they outlive the list."""

    __slots__ = ()
    _kind = "string list"

    def __init__(self, ptr: "ctypes._Pointer") -> None:
        super().__init__(ptr, _free)

    def __len__(self) -> int:
        return int(_count(self._h))

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> List[str]: ...

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("string list index out of range")
        return decode(check_ptr(_at(self._h, index)))

    def __iter__(self) -> Iterator[str]:
        for i in range(len(self)):
            yield self[i]

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, str) or "\0" in item:
            return False
        return bool(_contains(self._h, encode(item)))

    def __repr__(self) -> str:
        if self.closed:
            return "StrList(<closed>)"
        return f"StrList({list(self)!r})"


def take_list(ptr: "ctypes._Pointer") -> List[str]:
    """Copy a caller-owned triad_strlist into a Python list and free it at
    once (no wrapper object: the list never escapes)."""
    try:
        return [decode(check_ptr(_at(ptr, i))) for i in range(_count(ptr))]
    finally:
        _free(ptr)
