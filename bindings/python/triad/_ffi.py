"""Loading libtriad and declaring its functions for ctypes.

The library is found through the TRIAD_LIBRARY environment variable (a path,
as the test suite sets it to the freshly built library) or else by its SONAME,
``libtriad.so.0``, through the dynamic loader's usual search.

Every module declares the C functions it wraps with :func:`fn`; the registry
lets the API-coverage test compare the binding with lib/libtriad.map.
"""
from __future__ import annotations

import ctypes
import os
from typing import Any, Dict, FrozenSet

SONAME = "libtriad.so.0"


def _load() -> ctypes.CDLL:
    path = os.environ.get("TRIAD_LIBRARY") or SONAME
    try:
        return ctypes.CDLL(path)
    except OSError as exc:
        raise ImportError(
            f"triad: cannot load the C library {path!r} ({exc}); install "
            f"libtriad or set TRIAD_LIBRARY to the path of {SONAME}") from exc


lib = _load()

_declared: Dict[str, Any] = {}


def fn(name: str, restype: Any, *argtypes: Any) -> Any:
    """Declare the C function ``name`` with its result and argument types and
    return the callable. Raises ImportError when the library lacks it, so a
    binding that runs ahead of the library fails loudly at import."""
    try:
        f = getattr(lib, name)
    except AttributeError as exc:
        raise ImportError(f"triad: the loaded libtriad does not export {name}") from exc
    f.restype = restype
    f.argtypes = list(argtypes)
    _declared[name] = f
    return f


def declared() -> FrozenSet[str]:
    """The names of every C function the binding declares."""
    return frozenset(_declared)


def encode(text: str, what: str = "text") -> bytes:
    """A Python string as the NUL-terminated UTF-8 the C API expects.

    ctypes would silently cut a string at an embedded NUL, so that is refused
    here; lone surrogates cannot be encoded and are refused too."""
    if not isinstance(text, str):
        raise TypeError(f"{what} must be a str, not {type(text).__name__}")
    if "\0" in text:
        raise ValueError(f"{what} contains a NUL character")
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"{what} is not valid Unicode text: {exc}") from None


def decode(raw: bytes) -> str:
    """UTF-8 bytes from the library as a Python string."""
    return raw.decode("utf-8")
