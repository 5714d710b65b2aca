"""Ownership of C objects: the base class of every wrapper that owns a handle.

A wrapper frees its handle exactly once: through close(), the context
manager, or, as a safety net, a weakref finalizer when it is collected. After
close() every use raises ValueError instead of touching freed memory.

Some C objects borrow others (a roster borrows its school types). The
borrower pins its lenders (_pin): it keeps them alive, and closing a lender
first closes every open borrower, so C never sees a freed lender.
"""
from __future__ import annotations

import ctypes
import weakref
from typing import Any, Callable, Dict, Optional, Tuple, TypeVar

T = TypeVar("T", bound="Handle")


class Handle:
    """Owns one C handle and the function that frees it."""

    __slots__ = ("_ptr", "_finalizer", "_lenders", "_borrowers", "__weakref__")
    _kind = "object"

    def __init__(self, ptr: Any, free: Callable[[Any], None]) -> None:
        if not ptr:
            raise ValueError(f"triad: NULL {self._kind} handle")
        self._ptr = ptr
        self._lenders: Tuple["Handle", ...] = ()
        # id(borrower) -> weak reference; wrappers need not be hashable
        self._borrowers: Optional[Dict[int, "weakref.ref[Handle]"]] = None
        self._finalizer: Optional[weakref.finalize] = weakref.finalize(self, free, ptr)

    def _pin(self, *lenders: Optional["Handle"]) -> None:
        """Record that this object borrows ``lenders`` (None is skipped)."""
        self._lenders = tuple(x for x in lenders if x is not None)
        for lender in self._lenders:
            lender._h  # refuse closed lenders
            if lender._borrowers is None:
                lender._borrowers = {}
            borrowers, key = lender._borrowers, id(self)
            # The callback drops the entry when the borrower is collected,
            # before its id can be reused.
            borrowers[key] = weakref.ref(self, lambda _r, b=borrowers, k=key: b.pop(k, None))

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
        """Free the C object now, after closing anything that borrows it.
        Closing twice does nothing."""
        if self._borrowers:
            for ref in list(self._borrowers.values()):
                b = ref()
                if b is not None:
                    b.close()
        for lender in self._lenders:
            if lender._borrowers:
                lender._borrowers.pop(id(self), None)
        fin, self._finalizer, self._ptr = self._finalizer, None, None
        self._lenders = ()
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
    """A distinct ctypes pointer type for an opaque C struct (registered for
    prototypes too)."""
    from ._ffi import opaque as register
    return register(name)
