"""Ownership of C objects: the base class of every wrapper that owns a handle.

A wrapper frees its handle exactly once: through close(), the context
manager, or, as a safety net, a weakref finalizer when it is collected. After
close() every use raises ValueError instead of touching freed memory. Wrappers
of objects borrowed from a parent keep a reference to the parent, so the
parent cannot be collected while a child is alive.
"""
from __future__ import annotations

import ctypes
import weakref
from typing import Any, Callable, Optional, TypeVar

T = TypeVar("T", bound="Handle")


class Handle:
    """Owns one C handle and the function that frees it."""

    __slots__ = ("_ptr", "_finalizer", "__weakref__")
    _kind = "object"

    def __init__(self, ptr: Any, free: Callable[[Any], None]) -> None:
        if not ptr:
            raise ValueError(f"triad: NULL {self._kind} handle")
        self._ptr = ptr
        self._finalizer: Optional[weakref.finalize] = weakref.finalize(self, free, ptr)

    @property
    def _h(self) -> Any:
        """The C handle, for passing to the library; ValueError once closed."""
        if self._ptr is None:
            raise ValueError(f"triad: this {self._kind} was closed")
        return self._ptr

    @property
    def closed(self) -> bool:
        """Whether close() has released the handle."""
        return self._ptr is None

    def close(self) -> None:
        """Free the C object now. Closing twice does nothing."""
        fin, self._finalizer, self._ptr = self._finalizer, None, None
        if fin is not None:
            fin()

    def __enter__(self: T) -> T:
        if self._ptr is None:
            raise ValueError(f"triad: this {self._kind} was closed")
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _detach(self) -> Any:
        """Give up ownership (the C side took the object over); returns the
        raw handle and leaves this wrapper closed."""
        ptr = self._h
        fin, self._finalizer, self._ptr = self._finalizer, None, None
        if fin is not None:
            fin.detach()
        return ptr


def opaque(name: str) -> Any:
    """A distinct ctypes pointer type for an opaque C struct."""
    return ctypes.POINTER(type(name, (ctypes.Structure,), {}))
